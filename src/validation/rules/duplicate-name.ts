import { FlowNodeJson } from '../../definition/schema';
import { FlowValidationRule, RuleFinding, ValidationContext } from '../context';
import { FlowValidationSeverity } from '../types';

/**
 * Schema check: node names are unique within a definition, and input, output and condition names
 * are unique within a node. A node of a loop body named like a node outside the loop is a warning
 * (whether the service allows it is not documented).
 */
export const duplicateName: FlowValidationRule = {
  type: 'DuplicateName',
  severity: FlowValidationSeverity.ERROR,
  check(ctx: ValidationContext): RuleFinding[] {
    const findings: RuleFinding[] = [];
    const seenNodes = new Set<string>();
    for (const node of ctx.nodes) {
      if (typeof node.name !== 'string' || ctx.isUnresolved(node.name)) continue;
      if (seenNodes.has(node.name)) {
        findings.push({
          node: node.name,
          message: `node name '${node.name}' is used by more than one node of ${ctx.scopeLabel}: `
            + 'connections refer to nodes by name, so give each node its own name',
        });
        continue;
      }
      seenNodes.add(node.name);
      if (ctx.parent && ctx.otherScopeOf(node.name)?.where === 'outside') {
        findings.push({
          node: node.name,
          severity: FlowValidationSeverity.WARNING,
          message: `node '${node.name}' of ${ctx.scopeLabel} has the same name as a node outside the loop: `
            + 'rename one of them, so that traces and findings name one node',
        });
      }
      // a list without duplicate names has as many entries as its index by name
      reportDuplicates(ctx, node, node.inputs, () => ctx.inputsOf(node).size, 'input', findings);
      reportDuplicates(ctx, node, node.outputs, () => ctx.outputsOf(node).size, 'output', findings);
      if (node.type === 'Condition') {
        reportDuplicates(ctx, node, node.configuration?.condition?.conditions, () => ctx.conditionsOf(node).size, 'condition', findings);
      }
    }
    return findings;
  },
};

/** Reports the names used more than once in one of a node's lists (inputs, outputs, conditions). */
function reportDuplicates(
  ctx: ValidationContext, node: FlowNodeJson, list: unknown, distinct: () => number, what: string, findings: RuleFinding[],
): void {
  if (!Array.isArray(list) || list.length <= 1 || list.length === distinct()) return;
  const seen = new Set<string>();
  const reported = new Set<string>();
  for (const item of list) {
    const name = item?.name;
    if (typeof name !== 'string' || ctx.isUnresolved(name)) continue;
    if (seen.has(name) && !reported.has(name)) {
      reported.add(name);
      findings.push({
        node: node.name,
        ...(what !== 'condition' ? { port: name } : {}),
        message: `node '${node.name}' has more than one ${what} named '${name}': give each ${what} its own name, or remove the extra one`,
      });
    }
    seen.add(name);
  }
}
