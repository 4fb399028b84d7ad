import { FlowValidationRule, Report, ValidationContext } from '../context';
import { FlowValidationSeverity } from '../types';

/**
 * UnfulfilledNodeInput: every declared input needs a data connection.
 */
export const unfulfilledNodeInput: FlowValidationRule = {
  type: 'UnfulfilledNodeInput',
  severity: FlowValidationSeverity.ERROR,
  scope(ctx: ValidationContext, report: Report): void {
    for (let index = 0; index < ctx.nodeCount; index++) {
      if (!ctx.isNamed(index) || ctx.allInputsConnected(index)) continue;
      const entry = ctx.nodeAt(index);
      for (const { name } of ctx.unconnectedInputs(entry)) {
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
