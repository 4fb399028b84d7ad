import { ConditionAst } from '../../definition/expressions/condition-expression';
import { FlowValidationRule, RuleFinding, ValidationContext } from '../context';
import { FlowValidationSeverity } from '../types';

/**
 * DuplicateConditionExpression: two conditions of one Condition node have the same expression
 * (compared after parsing, so spacing and redundant parentheses do not matter). The later one can
 * never be chosen, because the earlier one is evaluated first.
 */
export const duplicateConditionExpression: FlowValidationRule = {
  type: 'DuplicateConditionExpression',
  severity: FlowValidationSeverity.ERROR,
  check(ctx: ValidationContext): RuleFinding[] {
    const findings: RuleFinding[] = [];
    for (const node of ctx.nodesOfType('Condition')) {
      const conditions = node.configuration?.condition?.conditions;
      if (!Array.isArray(conditions)) continue;
      const seen = new Map<string, string>();
      for (const condition of conditions) {
        const expression = condition?.expression;
        if (typeof expression !== 'string' || ctx.isUnresolved(expression)) continue;
        const parsed = ctx.parseConditionExpression(expression);
        const key = parsed.ok ? canonical(parsed.ast) : expression.trim().replace(/\s+/g, ' ');
        const earlier = seen.get(key);
        if (earlier === undefined) {
          seen.set(key, condition.name);
          continue;
        }
        findings.push({
          node: node.name,
          message: `conditions '${earlier}' and '${condition.name}' of Condition node '${node.name}' have the same expression '${expression}'; `
            + `'${condition.name}' can never be chosen: change its expression or remove it`,
        });
      }
    }
    return findings;
  },
};

/** A canonical text of a parsed expression: fully parenthesised, single spaces. */
function canonical(ast: ConditionAst): string {
  switch (ast.kind) {
    case 'or':
    case 'and':
      return `(${canonical(ast.left)} ${ast.kind} ${canonical(ast.right)})`;
    case 'not':
      return `(not ${canonical(ast.operand)})`;
    case 'compare':
      return `(${canonical(ast.left)} ${ast.operator} ${canonical(ast.right)})`;
    case 'ref':
      return ast.name;
    case 'literal':
      return JSON.stringify(ast.value);
  }
}
