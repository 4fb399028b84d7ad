import { FlowValidationRule, Report, ValidationContext } from '../context';
import { FlowValidationSeverity } from '../types';

/**
 * MissingEndingNodes: the flow needs at least one Output node to return a result.
 * (Loop bodies end at their LoopController node.)
 */
export const missingEndingNodes: FlowValidationRule = {
  type: 'MissingEndingNodes',
  severity: FlowValidationSeverity.ERROR,
  scope(ctx: ValidationContext, report: Report): void {
    if (ctx.isLoopBody || ctx.countOfType('Output') > 0) return;
    report({ message: 'the flow has no Output node: add one (new OutputNode(...)) at the end of each branch' });
  },
};
