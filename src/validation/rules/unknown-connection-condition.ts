import { ConnectionEntry, FlowValidationRule, Report, ValidationContext } from '../context';
import { quoteList } from '../helpers';
import { FlowValidationSeverity } from '../types';

/**
 * UnknownConnectionCondition: a conditional connection's `condition` must be the name of a
 * condition of its source Condition node (`default` for the default branch).
 */
export const unknownConnectionCondition: FlowValidationRule = {
  type: 'UnknownConnectionCondition',
  severity: FlowValidationSeverity.ERROR,
  connection({ connection: c, source }: ConnectionEntry, ctx: ValidationContext, report: Report): void {
    if (c.type !== 'Conditional' || source?.type !== 'Condition') return;
    const condition = c.configuration?.conditional?.condition;
    if (typeof condition !== 'string' || ctx.isUnresolved(condition) || source.condition(condition)) return;
    report({
      connection: c.name,
      node: c.source,
      message: `connection '${c.name}' follows condition '${condition}' of Condition node '${c.source}', which has no such condition `
        + `(its conditions: ${quoteList(source.conditions.map(({ name }) => name))}): name one of those, or add the condition`,
    });
  },
};
