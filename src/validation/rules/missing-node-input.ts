import { FlowValidationRule, NodeEntry, Report, ValidationContext } from '../context';
import { FlowValidationSeverity } from '../types';

/**
 * MissingNodeInput: a node lacks an input its type requires — Output `document`, KnowledgeBase
 * `retrievalQuery`, Iterator `array`, Collector `arrayItem` and `arraySize`, Storage `content` and
 * `objectKey`, Retrieval `objectKey`, Agent `agentInputText`, Lex `inputText`.
 */
export const missingNodeInput: FlowValidationRule = {
  type: 'MissingNodeInput',
  severity: FlowValidationSeverity.ERROR,
  node(entry: NodeEntry, ctx: ValidationContext, report: Report): void {
    const { node, ports } = entry;
    if (!ports || ports.inputs.kind === 'free' || ctx.isUnresolved(node.inputs)) return;
    for (const port of ports.inputs.ports) {
      if (port.optional || entry.input(port.name)) continue;
      report({
        node: node.name,
        port: port.name,
        message: `${node.type} node '${node.name}' has no input '${port.name}': add { name: '${port.name}', type: '${port.type ?? 'String'}', `
          + "expression: '$.data' } to its inputs and connect an output to it",
      });
    }
  },
};
