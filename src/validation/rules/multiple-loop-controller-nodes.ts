import { FlowValidationRule, Report, ValidationContext } from '../context';
import { quoteList } from '../helpers';
import { FlowValidationSeverity } from '../types';

/**
 * MultipleLoopControllerNodes: a Loop node's body has exactly one LoopController node.
 */
export const multipleLoopControllerNodes: FlowValidationRule = {
  type: 'MultipleLoopControllerNodes',
  severity: FlowValidationSeverity.ERROR,
  scope(ctx: ValidationContext, report: Report): void {
    const nodes = ctx.nodesOfType('LoopController');
    if (!ctx.loopNode || nodes.length < 2) return;
    report({
      node: nodes[1].node.name,
      message: `${ctx.scopeLabel} has ${nodes.length} LoopController nodes (${quoteList(nodes.map(n => n.node.name))}); a loop body has exactly one: `
        + 'keep one and connect every value the loop needs to its inputs',
    });
  },
};
