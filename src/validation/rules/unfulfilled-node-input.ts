import { FlowValidationRule, Report, ValidationContext } from '../context';
import { FlowValidationSeverity } from '../types';

/**
 * UnfulfilledNodeInput: every declared input needs a data connection.
 */
export const unfulfilledNodeInput: FlowValidationRule = {
  type: 'UnfulfilledNodeInput',
  severity: FlowValidationSeverity.ERROR,
  scope(ctx: ValidationContext, report: Report): void {
    for (const entry of ctx.nodes) {
      if (!entry.isNamed) continue;
      for (const { name } of entry.unconnectedInputs()) {
        report({
          node: entry.name,
          port: name,
          message: `input '${name}' of node '${entry.name}' has no data connection: connect an output to it `
            + '(in the builder: the node\'s `inputs`, or `previous.next(node)`), or remove the input',
        });
      }
    }
  },
};
