import { FlowValidationRule, RuleFinding, ValidationContext } from '../context';
import { quoteList } from '../helpers';
import { FlowValidationSeverity } from '../types';

/**
 * UnknownConnectionCondition: a conditional connection's `condition` must be the name of a
 * condition of its source Condition node (`default` for the default branch).
 */
export const unknownConnectionCondition: FlowValidationRule = {
  type: 'UnknownConnectionCondition',
  severity: FlowValidationSeverity.ERROR,
  check(ctx: ValidationContext): RuleFinding[] {
    const findings: RuleFinding[] = [];
    for (const c of ctx.connections) {
      const condition = c.configuration?.conditional?.condition;
      const source = ctx.nodeByName.get(c.source);
      if (c.type !== 'Conditional' || source?.type !== 'Condition' || typeof condition !== 'string' || ctx.isUnresolved(condition)) continue;
      const conditions = ctx.conditionsOf(source);
      if (conditions.has(condition)) continue;
      findings.push({
        connection: c.name,
        node: c.source,
        message: `connection '${c.name}' follows condition '${condition}' of Condition node '${c.source}', which has no such condition `
          + `(its conditions: ${quoteList(conditions.keys())}): name one of those, or add the condition`,
      });
    }
    return findings;
  },
};
