import { FlowValidationRule, RuleFinding, ValidationContext } from '../context';
import { FlowValidationSeverity } from '../types';

/**
 * MissingDefaultCondition: a Condition node needs a condition named `default` (with no
 * expression), taken when no other condition holds.
 */
export const missingDefaultCondition: FlowValidationRule = {
  type: 'MissingDefaultCondition',
  severity: FlowValidationSeverity.ERROR,
  check(ctx: ValidationContext): RuleFinding[] {
    return ctx.nodes
      .filter(n => n.type === 'Condition')
      .filter(n => {
        const conditions = n.configuration?.condition?.conditions;
        return !(Array.isArray(conditions) && conditions.some(c => c?.name === 'default'));
      })
      .map(n => ({
        node: n.name,
        message: `Condition node '${n.name}' has no 'default' condition: add { name: 'default' } without an expression `
          + '(in the builder: otherwise())',
      }));
  },
};
