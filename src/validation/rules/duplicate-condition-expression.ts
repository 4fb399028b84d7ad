import { ConditionAst } from '../../definition/expressions/condition-expression';
import { FlowValidationRule, NodeEntry, Report, ValidationContext } from '../context';
import { FlowValidationSeverity } from '../types';

/**
 * DuplicateConditionExpression: two conditions of one Condition node have the same expression
 * (compared after parsing, so spacing and redundant parentheses do not matter). The later one can
 * never be chosen, because the earlier one is evaluated first.
 */
export const duplicateConditionExpression: FlowValidationRule = {
  type: 'DuplicateConditionExpression',
  severity: FlowValidationSeverity.ERROR,
  node({ node, conditions }: NodeEntry, ctx: ValidationContext, report: Report): void {
    if (conditions.length < 2) return; // empty for nodes that are not Condition nodes
    const seen = new Map<string, string>();
    for (const { name, expression } of conditions) {
      if (typeof expression !== 'string' || ctx.isUnresolved(expression)) continue;
      const parsed = ctx.parseConditionExpression(expression);
      const key = parsed.ok ? canonical(parsed.ast) : expression.trim().replace(/\s+/g, ' ');
      const earlier = seen.get(key);
      if (earlier === undefined) {
        seen.set(key, name);
        continue;
      }
      report({
        node: node.name,
        message: `conditions '${earlier}' and '${name}' of Condition node '${node.name}' have the same expression '${expression}'; `
          + `'${name}' can never be chosen: change its expression or remove it`,
      });
    }
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
