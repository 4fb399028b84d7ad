import { FlowValidationRule, RuleFinding, ValidationContext } from '../context';
import { quoteList } from '../helpers';
import { FlowValidationSeverity } from '../types';

/**
 * MultipleLoopInputNodes: a Loop node's body has exactly one LoopInput node.
 */
export const multipleLoopInputNodes: FlowValidationRule = {
  type: 'MultipleLoopInputNodes',
  severity: FlowValidationSeverity.ERROR,
  check(ctx: ValidationContext): RuleFinding[] {
    const nodes = ctx.nodesOfType('LoopInput');
    if (!ctx.loopNode || nodes.length < 2) return [];
    return [{
      node: nodes[1].name,
      message: `${ctx.scopeLabel} has ${nodes.length} LoopInput nodes (${quoteList(nodes.map(n => n.name))}); a loop body has exactly one: `
        + 'keep one and give it an output per Loop node input',
    }];
  },
};
