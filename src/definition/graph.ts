import { FlowDefinitionJson, FlowNodeJson } from './schema';
import type { FlowNode } from '../nodes/flow-node';

/**
 * The revision of the builder graphs: it changes whenever a node gains an input, an output, a
 * connection or a branch, so that what was rendered at an older revision is known to be stale.
 */
let revision = 0;

/** Marks every builder graph as changed (see `graphRevision`). */
export function markGraphChanged(): void {
  revision++;
}

/** The current revision of the builder graphs. */
export function graphRevision(): number {
  return revision;
}

/** The node JSON rendered during the current `renderWithNodes` call, by node. */
let renderedNodes: Map<FlowNode, FlowNodeJson> | undefined;

/**
 * Runs `render`, collecting the JSON that every node (including the nodes of loop bodies) renders
 * meanwhile, so that callers can reuse a node's JSON instead of rendering it again.
 */
export function renderWithNodes<T>(render: () => T): { result: T; nodes: Map<FlowNode, FlowNodeJson> } {
  const outer = renderedNodes;
  const nodes = new Map<FlowNode, FlowNodeJson>();
  renderedNodes = nodes;
  try {
    return { result: render(), nodes };
  } finally {
    renderedNodes = outer;
  }
}

/** Records a node's JSON in the current `renderWithNodes` call, if any. */
export function recordRenderedNode(node: FlowNode, json: FlowNodeJson): void {
  renderedNodes?.set(node, json);
}

/**
 * The nodes connected to `start` (through data inputs in either direction and conditional
 * branches), in breadth-first order from `start`. A node that nothing connects to the graph is
 * not part of it.
 */
export function collectNodes(start: FlowNode): FlowNode[] {
  const seen = new Set<FlowNode>([start]);
  const order: FlowNode[] = [start];
  const add = (next: FlowNode) => {
    if (!seen.has(next)) {
      seen.add(next);
      order.push(next);
    }
  };
  for (let i = 0; i < order.length; i++) {
    const node = order[i];
    for (const next of node._consumers) add(next);
    for (const next of node._conditionalTargets()) add(next);
    for (const port of node._inputPorts) if (port.source !== undefined) add(port.source.node);
  }
  return order;
}

/** The definition JSON of the given nodes: the nodes in order, then every connection they own. */
export function renderNodes(nodes: FlowNode[]): FlowDefinitionJson {
  return {
    nodes: nodes.map(n => n._renderNode()),
    connections: nodes.flatMap(n => n._renderConnections()),
  };
}
