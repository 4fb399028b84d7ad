import { FlowValidationRule, RuleFinding, ValidationContext } from '../context';
import { FlowValidationSeverity } from '../types';

/**
 * MissingEndingNodes: the flow needs at least one Output node to return a result.
 * (Loop bodies end at their LoopController node.)
 */
export const missingEndingNodes: FlowValidationRule = {
  type: 'MissingEndingNodes',
  severity: FlowValidationSeverity.ERROR,
  check(ctx: ValidationContext): RuleFinding[] {
    if (ctx.isLoopBody || ctx.nodes.some(n => n.type === 'Output')) return [];
    return [{ message: 'the flow has no Output node: add one (new OutputNode(...)) at the end of each branch' }];
  },
};
