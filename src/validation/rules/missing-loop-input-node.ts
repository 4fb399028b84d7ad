import { FlowValidationRule, Report, ValidationContext } from '../context';
import { FlowValidationSeverity } from '../types';

/**
 * MissingLoopInputNode: a Loop node's body needs a LoopInput node, where each iteration starts.
 */
export const missingLoopInputNode: FlowValidationRule = {
  type: 'MissingLoopInputNode',
  severity: FlowValidationSeverity.ERROR,
  scope(ctx: ValidationContext, report: Report): void {
    if (!ctx.loopNode || ctx.countOfType('LoopInput') > 0) return;
    report({
      node: ctx.loopNode.name,
      message: `${ctx.scopeLabel} has no LoopInput node: add one ({ type: 'LoopInput', configuration: { loopInput: {} } }) `
        + "whose outputs are named like the Loop node's inputs",
    });
  },
};
