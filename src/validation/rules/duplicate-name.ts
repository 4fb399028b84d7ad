import { FlowNodeJson } from '../../definition/schema';
import { FlowValidationRule, NodeEntry, Report, ValidationContext } from '../context';
import { FlowValidationSeverity } from '../types';

/**
 * Schema check: node names are unique within a definition, and input, output and condition names
 * are unique within a node. A node of a loop body named like a node outside the loop is a warning
 * (whether the service allows it is not documented).
 */
export const duplicateName: FlowValidationRule = {
  type: 'DuplicateName',
  severity: FlowValidationSeverity.ERROR,
  node(entry: NodeEntry, ctx: ValidationContext, report: Report): void {
    const { node, name } = entry;
    if (name === undefined || ctx.isUnresolved(name)) return;
    if (!entry.isNamed) {
      report({
        node: name,
        message: `node name '${name}' is used by more than one node of ${ctx.scopeLabel}: `
          + 'connections refer to nodes by name, so give each node its own name',
      });
      return;
    }
    if (ctx.parent && ctx.otherScopeOf(name)?.where === 'outside') {
      report({
        node: name,
        severity: FlowValidationSeverity.WARNING,
        message: `node '${name}' of ${ctx.scopeLabel} has the same name as a node outside the loop: `
          + 'rename one of them, so that traces and findings name one node',
      });
    }
    // a list without duplicate names has as many entries as its entries by name
    reportDuplicates(ctx, node, node.inputs, entry.inputs.length, 'input', report);
    reportDuplicates(ctx, node, node.outputs, entry.outputs.length, 'output', report);
    if (entry.type === 'Condition') reportDuplicates(ctx, node, node.configuration?.condition?.conditions, entry.conditions.length, 'condition', report);
  },
};

/** Reports the names used more than once in one of a node's lists (inputs, outputs, conditions). */
function reportDuplicates(ctx: ValidationContext, node: FlowNodeJson, list: unknown, distinct: number, what: string, report: Report): void {
  if (!Array.isArray(list) || list.length <= 1 || list.length === distinct) return;
  const seen = new Set<string>();
  const reported = new Set<string>();
  for (const item of list) {
    const name = item?.name;
    if (typeof name !== 'string' || ctx.isUnresolved(name)) continue;
    if (seen.has(name) && !reported.has(name)) {
      reported.add(name);
      report({
        node: node.name,
        ...(what !== 'condition' ? { port: name } : {}),
        message: `node '${node.name}' has more than one ${what} named '${name}': give each ${what} its own name, or remove the extra one`,
      });
    }
    seen.add(name);
  }
}
