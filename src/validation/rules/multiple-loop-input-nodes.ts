import { FlowValidationRule, Report, ValidationContext } from '../context';
import { quoteList } from '../helpers';
import { FlowValidationSeverity } from '../types';

/**
 * MultipleLoopInputNodes: a Loop node's body has exactly one LoopInput node.
 */
export const multipleLoopInputNodes: FlowValidationRule = {
  type: 'MultipleLoopInputNodes',
  severity: FlowValidationSeverity.ERROR,
  scope(ctx: ValidationContext, report: Report): void {
    const nodes = ctx.nodesOfType('LoopInput');
    if (!ctx.loopNode || nodes.length < 2) return;
    report({
      node: nodes[1].node.name,
      message: `${ctx.scopeLabel} has ${nodes.length} LoopInput nodes (${quoteList(nodes.map(n => n.node.name))}); a loop body has exactly one: `
        + 'keep one and give it an output per Loop node input',
    });
  },
};
