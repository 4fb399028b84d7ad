import { FlowValidationRule, NodeEntry, Report, ValidationContext } from '../context';
import { FlowValidationSeverity } from '../types';

/** Node types the service rejects in a loop body. */
const REJECTED = new Set<string | undefined>(['Input', 'Condition', 'Iterator', 'Collector']);
/** Node types whose place in a loop body is not documented: a warning. */
const UNDOCUMENTED = new Set<string | undefined>(['Output', 'Loop']);

/**
 * LoopIncompatibleNodeType: a loop body cannot hold Input, Condition, Iterator or Collector nodes.
 * Output and (nested) Loop nodes are reported as warnings: whether the service allows them in a
 * body is not documented.
 */
export const loopIncompatibleNodeType: FlowValidationRule = {
  type: 'LoopIncompatibleNodeType',
  severity: FlowValidationSeverity.ERROR,
  node({ node, type }: NodeEntry, ctx: ValidationContext, report: Report): void {
    if (!ctx.loopNode) return;
    if (REJECTED.has(type)) {
      report({
        node: node.name,
        message: `${type} node '${node.name}' is in ${ctx.scopeLabel}, where ${type} nodes are not allowed: move it out of the loop`
          + (type === 'Input' ? ' (the body starts at its LoopInput node)' : ''),
      });
    } else if (UNDOCUMENTED.has(type)) {
      report({
        node: node.name,
        severity: FlowValidationSeverity.WARNING,
        message: `${type} node '${node.name}' is in ${ctx.scopeLabel}; whether a loop body may hold ${type} nodes is not documented: `
          + (type === 'Output' ? "return values through the LoopController's ExitLoop inputs instead" : 'prefer a flat loop body'),
      });
    }
  },
};
