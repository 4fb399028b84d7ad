import { FlowValidationRule, Report, ValidationContext } from '../context';
import { FlowValidationSeverity } from '../types';

/**
 * MissingLoopControllerNode: a Loop node's body needs a LoopController node, which decides
 * whether to run another iteration and what leaves the loop.
 */
export const missingLoopControllerNode: FlowValidationRule = {
  type: 'MissingLoopControllerNode',
  severity: FlowValidationSeverity.ERROR,
  scope(ctx: ValidationContext, report: Report): void {
    if (!ctx.loopNode || ctx.countOfType('LoopController') > 0) return;
    report({
      node: ctx.loopNode.name,
      message: `${ctx.scopeLabel} has no LoopController node: add one with a continueCondition, and inputs categorised `
        + 'LoopCondition, ReturnValueToLoopStart and ExitLoop',
    });
  },
};
