import { FlowNodeJson } from '../../definition/schema';
import { FlowValidationRule, RuleFinding, ValidationContext } from '../context';
import { FlowValidationSeverity } from '../types';

/**
 * MalformedConditionExpression: each condition of a Condition node (except `default`) and a
 * LoopController's continue condition must parse, be at most 64 characters, and refer only to
 * the node's inputs (at least one of them).
 */
export const malformedConditionExpression: FlowValidationRule = {
  type: 'MalformedConditionExpression',
  severity: FlowValidationSeverity.ERROR,
  check(ctx: ValidationContext): RuleFinding[] {
    const findings: RuleFinding[] = [];
    const checkOne = (node: FlowNodeJson, condition: any, what: string) => {
      const name = condition?.name;
      const expression = condition?.expression;
      const where = `${what} '${name}' of ${node.type} node '${node.name}'`;
      if (name === 'default' && node.type === 'Condition') {
        if (expression !== undefined) {
          findings.push({ node: node.name, message: `the 'default' condition of node '${node.name}' must not have an expression: remove it` });
        }
        return;
      }
      if (typeof expression !== 'string') {
        findings.push({ node: node.name, message: `${where} has no expression: add one (only 'default' has none)` });
        return;
      }
      if (ctx.isUnresolved(expression)) return;
      const parsed = ctx.parseConditionExpression(expression);
      if (!parsed.ok) {
        findings.push({ node: node.name, message: `${where}: '${expression}' is malformed: ${parsed.cause}` });
        return;
      }
      const inputs = ctx.inputsOf(node);
      const unknown = parsed.references.filter(r => !inputs.has(r));
      if (unknown.length > 0) {
        findings.push({
          node: node.name,
          message: `${where}: '${expression}' refers to ${unknown.map(u => `'${u}'`).join(', ')}, not an input of the node `
            + `(inputs: ${[...inputs.keys()].join(', ') || 'none'}): add the input or fix the name`,
        });
      }
    };
    for (const node of ctx.nodes) {
      if (node.type === 'Condition') {
        const conditions = node.configuration?.condition?.conditions;
        for (const c of Array.isArray(conditions) ? conditions : []) checkOne(node, c, 'condition');
      } else if (node.type === 'LoopController' && node.configuration?.loopController?.continueCondition) {
        checkOne(node, node.configuration.loopController.continueCondition, 'continue condition');
      }
    }
    return findings;
  },
};
