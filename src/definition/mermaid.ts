import { FlowDefinitionJson } from './schema';

/**
 * A Mermaid flowchart of a plain JSON definition.
 * (Placeholder: the full rendering is part of the diagram work, issue 4.)
 */
export function renderMermaid(definition: FlowDefinitionJson): string {
  const lines = ['flowchart TD'];
  for (const node of definition.nodes ?? []) lines.push(`  ${node.name}["${node.name}<br/>${node.type}"]`);
  for (const c of definition.connections ?? []) lines.push(`  ${c.source} --> ${c.target}`);
  return lines.join('\n');
}
