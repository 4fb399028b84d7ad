import { FlowValidationRule, NodeEntry, Report, ValidationContext } from '../context';
import { FlowValidationSeverity } from '../types';

/**
 * MalformedConditionExpression: each condition of a Condition node (except `default`) and a
 * LoopController's continue condition must parse, be at most 64 characters, and refer only to
 * the node's inputs (at least one of them).
 */
export const malformedConditionExpression: FlowValidationRule = {
  type: 'MalformedConditionExpression',
  severity: FlowValidationSeverity.ERROR,
  node(entry: NodeEntry, ctx: ValidationContext, report: Report): void {
    const { node, type } = entry;
    if (type === 'Condition') {
      const conditions = node.configuration?.condition?.conditions;
      if (!Array.isArray(conditions)) return;
      for (const condition of conditions) checkCondition(entry, condition, 'condition', ctx, report);
    } else if (type === 'LoopController' && node.configuration?.loopController?.continueCondition) {
      checkCondition(entry, node.configuration.loopController.continueCondition, 'continue condition', ctx, report);
    }
  },
};

/** Checks one condition (as written: any value) of a node. */
function checkCondition(entry: NodeEntry, condition: any, what: string, ctx: ValidationContext, report: Report): void {
  const { node } = entry;
  const name = condition?.name;
  const expression = condition?.expression;
  if (name === 'default' && entry.type === 'Condition') {
    if (expression !== undefined) {
      report({ node: node.name, message: `the 'default' condition of node '${node.name}' must not have an expression: remove it` });
    }
    return;
  }
  if (typeof expression !== 'string') {
    report({ node: node.name, message: `${label(what, name, entry)} has no expression: add one (only 'default' has none)` });
    return;
  }
  if (ctx.isUnresolved(expression)) return;
  const parsed = ctx.parseConditionExpression(expression);
  if (!parsed.ok) {
    report({ node: node.name, message: `${label(what, name, entry)}: '${expression}' is malformed: ${parsed.cause}` });
    return;
  }
  let unknown: string[] | undefined;
  for (const ref of parsed.references) if (!entry.input(ref)) (unknown ??= []).push(ref);
  if (unknown) {
    report({
      node: node.name,
      message: `${label(what, name, entry)}: '${expression}' refers to ${unknown.map(u => `'${u}'`).join(', ')}, not an input of the node `
        + `(inputs: ${entry.inputs.map(i => i.name).join(', ') || 'none'}): add the input or fix the name`,
    });
  }
}

/** `condition 'c' of Condition node 'N'`, for messages. */
function label(what: string, name: unknown, { node }: NodeEntry): string {
  return `${what} '${name}' of ${node.type} node '${node.name}'`;
}
