import { FlowNodeJson } from '../../definition/schema';
import { NODE_NAME_PATTERN, NODE_NAME_RULE } from '../../private/names';
import { FlowValidationRule, NodeEntry, Report, ValidationContext } from '../context';
import { FlowValidationSeverity } from '../types';

/**
 * Schema check: node, input, output and condition names (of Condition nodes, and a LoopController's
 * continue condition) match `[a-zA-Z]([_]?[0-9a-zA-Z]){1,50}`.
 */
export const invalidName: FlowValidationRule = {
  type: 'InvalidName',
  severity: FlowValidationSeverity.ERROR,
  node({ node, index }: NodeEntry, ctx: ValidationContext, report: Report): void {
    if (bad(ctx, node.name)) {
      report({ message: `node #${index + 1} has an invalid name ${show(node.name)}: use ${NODE_NAME_RULE}` });
      return;
    }
    checkPorts(node, node.inputs, 'input', ctx, report);
    checkPorts(node, node.outputs, 'output', ctx, report);
    if (node.type === 'Condition') {
      const conditions = node.configuration?.condition?.conditions as unknown;
      if (Array.isArray(conditions)) for (const condition of conditions) checkCondition(node, condition, ctx, report);
    } else if (node.type === 'LoopController') {
      const condition = node.configuration?.loopController?.continueCondition;
      if (condition !== undefined) checkCondition(node, condition, ctx, report);
    }
  },
};

/** Checks the names of a node's inputs or outputs, as written. */
function checkPorts(node: FlowNodeJson, list: unknown, what: 'input' | 'output', ctx: ValidationContext, report: Report): void {
  if (!Array.isArray(list)) return;
  for (const port of list) {
    if (!bad(ctx, port?.name)) continue;
    report({
      node: node.name,
      ...(typeof port?.name === 'string' ? { port: port.name } : {}),
      message: `node '${node.name}' has an ${what} with an invalid name ${show(port?.name)}: use ${NODE_NAME_RULE}`,
    });
  }
}

/** Checks the name of a condition of a node. */
function checkCondition(node: FlowNodeJson, condition: any, ctx: ValidationContext, report: Report): void {
  if (!bad(ctx, condition?.name)) return;
  report({ node: node.name, message: `node '${node.name}' has a condition with an invalid name ${show(condition?.name)}: use ${NODE_NAME_RULE}` });
}

/** Whether a name is not a string, or a known string that does not match the pattern. */
function bad(ctx: ValidationContext, name: unknown): boolean {
  return typeof name !== 'string' || (!ctx.isUnresolved(name) && !NODE_NAME_PATTERN.test(name));
}

/** A name as it is shown in messages. */
function show(name: unknown): string {
  return typeof name === 'string' ? `'${name}'` : `(${name === undefined ? 'missing' : JSON.stringify(name)})`;
}
