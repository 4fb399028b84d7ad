import { FlowValidationRule, NodeEntry, Report, ValidationContext } from '../context';
import { FlowValidationSeverity } from '../types';

/**
 * Schema check: an input `category` (LoopCondition, ReturnValueToLoopStart, ExitLoop) belongs only
 * on LoopController inputs. A LoopController input without a category is a warning: the node
 * would not know what to do with it.
 */
export const invalidInputCategory: FlowValidationRule = {
  type: 'InvalidInputCategory',
  severity: FlowValidationSeverity.ERROR,
  node({ node, inputs }: NodeEntry, ctx: ValidationContext, report: Report): void {
    if (ctx.isUnresolved(node.type)) return;
    for (const input of inputs) {
      if (node.type !== 'LoopController' && input.category !== undefined) {
        report({
          node: node.name,
          port: input.name,
          message: `input '${input.name}' of ${node.type} node '${node.name}' has category '${input.category}'; `
            + 'categories are only for LoopController inputs: remove it',
        });
      } else if (node.type === 'LoopController' && input.category === undefined) {
        report({
          node: node.name,
          port: input.name,
          severity: FlowValidationSeverity.WARNING,
          message: `input '${input.name}' of LoopController node '${node.name}' has no category: set category to LoopCondition `
            + '(read by the continue condition), ReturnValueToLoopStart (fed to the next iteration) or ExitLoop (a Loop node output)',
        });
      }
    }
  },
};
