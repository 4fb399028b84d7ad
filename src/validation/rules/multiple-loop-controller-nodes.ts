import { FlowValidationRule, RuleFinding, ValidationContext } from '../context';
import { quoteList } from '../helpers';
import { FlowValidationSeverity } from '../types';

/**
 * MultipleLoopControllerNodes: a Loop node's body has exactly one LoopController node.
 */
export const multipleLoopControllerNodes: FlowValidationRule = {
  type: 'MultipleLoopControllerNodes',
  severity: FlowValidationSeverity.ERROR,
  check(ctx: ValidationContext): RuleFinding[] {
    const nodes = ctx.nodesOfType('LoopController');
    if (!ctx.loopNode || nodes.length < 2) return [];
    return [{
      node: nodes[1].name,
      message: `${ctx.scopeLabel} has ${nodes.length} LoopController nodes (${quoteList(nodes.map(n => n.name))}); a loop body has exactly one: `
        + 'keep one and connect every value the loop needs to its inputs',
    }];
  },
};
