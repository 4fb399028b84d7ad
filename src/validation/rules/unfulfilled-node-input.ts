import { FlowValidationRule, RuleFinding, ValidationContext } from '../context';
import { FlowValidationSeverity } from '../types';

/**
 * UnfulfilledNodeInput: every declared input needs a data connection.
 */
export const unfulfilledNodeInput: FlowValidationRule = {
  type: 'UnfulfilledNodeInput',
  severity: FlowValidationSeverity.ERROR,
  check(ctx: ValidationContext): RuleFinding[] {
    const findings: RuleFinding[] = [];
    for (const node of ctx.nodeByName.values()) {
      if (!Array.isArray(node.inputs) || node.inputs.length === 0) continue;
      for (const input of ctx.inputsOf(node).keys()) {
        if (ctx.dataConnectionsInto(node.name, input).length === 0) {
          findings.push({
            node: node.name,
            port: input,
            message: `input '${input}' of node '${node.name}' has no data connection: connect an output to it `
              + '(in the builder: the node\'s `inputs`, or `previous.next(node)`), or remove the input',
          });
        }
      }
    }
    return findings;
  },
};
