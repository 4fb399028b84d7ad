import { FlowValidationRule, NodeEntry, Report, ValidationContext } from '../context';
import { describePorts, fixedPort } from '../node-ports';
import { FlowValidationSeverity } from '../types';

/**
 * UnknownNodeOutput: a node declares an output its type does not have — any output on an Output,
 * Condition or LoopController node, or a name other than the fixed ones (Prompt `modelCompletion`,
 * KnowledgeBase `retrievalResults` without modelId or `outputText` with it, ...).
 */
export const unknownNodeOutput: FlowValidationRule = {
  type: 'UnknownNodeOutput',
  severity: FlowValidationSeverity.ERROR,
  node({ node, ports, outputs }: NodeEntry, ctx: ValidationContext, report: Report): void {
    if (!ports || ports.outputs.kind === 'free') return;
    for (const { name } of outputs) {
      if (ctx.isUnresolved(name) || fixedPort(ports.outputs, name)) continue;
      report({
        node: node.name,
        port: name,
        message: ports.outputs.ports.length === 0
          ? `${node.type} node '${node.name}' declares output '${name}', but a ${node.type} node has no outputs: remove it`
          : `${node.type} node '${node.name}' declares output '${name}', which it does not have `
            + `(its outputs: ${describePorts(ports.outputs)}${ports.outputsReason ? `, because ${ports.outputsReason}` : ''}): `
            + 'rename it to one of those or remove it',
      });
    }
  },
};
