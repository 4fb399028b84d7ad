import { FlowValidationRule, NodeEntry, Report } from '../context';
import { FlowValidationSeverity } from '../types';

/**
 * MissingDefaultCondition: a Condition node needs a condition named `default` (with no
 * expression), taken when no other condition holds.
 */
export const missingDefaultCondition: FlowValidationRule = {
  type: 'MissingDefaultCondition',
  severity: FlowValidationSeverity.ERROR,
  node(entry: NodeEntry, _ctx, report: Report): void {
    if (entry.type !== 'Condition' || entry.condition('default')) return;
    report({
      node: entry.node.name,
      message: `Condition node '${entry.node.name}' has no 'default' condition: add { name: 'default' } without an expression `
        + '(in the builder: otherwise())',
    });
  },
};
