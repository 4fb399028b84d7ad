import { FlowValidationRule, NodeEntry, Report, ValidationContext } from '../context';
import { describePorts, fixedPort } from '../node-ports';
import { FlowValidationSeverity } from '../types';

/**
 * UnknownNodeInput: a node declares an input its type does not have — any input on an Input or
 * LoopInput node, or a name other than the fixed ones (KnowledgeBase `retrievalQuery`, Storage
 * `content`/`objectKey`, ...). Prompt, LambdaFunction, InlineCode, Condition, Loop and
 * LoopController nodes take inputs of any name.
 */
export const unknownNodeInput: FlowValidationRule = {
  type: 'UnknownNodeInput',
  severity: FlowValidationSeverity.ERROR,
  node({ node, ports, inputs }: NodeEntry, ctx: ValidationContext, report: Report): void {
    if (!ports || ports.inputs.kind === 'free') return;
    for (const { name } of inputs) {
      if (ctx.isUnresolved(name) || fixedPort(ports.inputs, name)) continue;
      report({
        node: node.name,
        port: name,
        message: ports.inputs.ports.length === 0
          ? `${node.type} node '${node.name}' declares input '${name}', but a ${node.type} node takes no inputs: remove it`
          : `${node.type} node '${node.name}' declares input '${name}', which a ${node.type} node does not have `
            + `(its inputs: ${describePorts(ports.inputs)}): rename it to one of those or remove it`,
      });
    }
  },
};
