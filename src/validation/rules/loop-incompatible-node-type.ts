import { FlowValidationRule, RuleFinding, ValidationContext } from '../context';
import { FlowValidationSeverity } from '../types';

/** Node types the service rejects in a loop body. */
const REJECTED = new Set(['Input', 'Condition', 'Iterator', 'Collector']);
/** Node types whose place in a loop body is not documented: a warning. */
const UNDOCUMENTED = new Set(['Output', 'Loop']);

/**
 * LoopIncompatibleNodeType: a loop body cannot hold Input, Condition, Iterator or Collector nodes.
 * Output and (nested) Loop nodes are reported as warnings: whether the service allows them in a
 * body is not documented.
 */
export const loopIncompatibleNodeType: FlowValidationRule = {
  type: 'LoopIncompatibleNodeType',
  severity: FlowValidationSeverity.ERROR,
  check(ctx: ValidationContext): RuleFinding[] {
    if (!ctx.loopNode) return [];
    const findings: RuleFinding[] = [];
    for (const node of ctx.nodes) {
      if (REJECTED.has(node.type)) {
        findings.push({
          node: node.name,
          message: `${node.type} node '${node.name}' is in ${ctx.scopeLabel}, where ${node.type} nodes are not allowed: move it out of the loop`
            + (node.type === 'Input' ? ' (the body starts at its LoopInput node)' : ''),
        });
      } else if (UNDOCUMENTED.has(node.type)) {
        findings.push({
          node: node.name,
          severity: FlowValidationSeverity.WARNING,
          message: `${node.type} node '${node.name}' is in ${ctx.scopeLabel}; whether a loop body may hold ${node.type} nodes is not documented: `
            + (node.type === 'Output' ? "return values through the LoopController's ExitLoop inputs instead" : 'prefer a flat loop body'),
        });
      }
    }
    return findings;
  },
};
