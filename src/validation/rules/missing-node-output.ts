import { FlowValidationRule, NodeEntry, Report, ValidationContext } from '../context';
import { FlowValidationSeverity } from '../types';

/**
 * MissingNodeOutput: a node lacks an output its type has — Input `document`, Prompt
 * `modelCompletion`, KnowledgeBase `retrievalResults` (or `outputText` with modelId), LambdaFunction
 * `functionResponse`, Storage `s3Uri`, Retrieval `s3Content`, Agent `agentResponse`, Lex
 * `predictedIntent`, Iterator `arrayItem` and `arraySize`, Collector `collectedArray`, InlineCode `response`.
 */
export const missingNodeOutput: FlowValidationRule = {
  type: 'MissingNodeOutput',
  severity: FlowValidationSeverity.ERROR,
  node(entry: NodeEntry, ctx: ValidationContext, report: Report): void {
    const { node, ports } = entry;
    if (!ports || ports.outputs.kind === 'free' || ctx.isUnresolved(node.outputs)) return;
    for (const port of ports.outputs.ports) {
      if (port.optional || entry.output(port.name)) continue;
      report({
        node: node.name,
        port: port.name,
        message: `${node.type} node '${node.name}' has no output '${port.name}'${ports.outputsReason ? ` (${ports.outputsReason})` : ''}: `
          + `add { name: '${port.name}', type: '${port.type ?? 'String'}' } to its outputs`,
      });
    }
  },
};
