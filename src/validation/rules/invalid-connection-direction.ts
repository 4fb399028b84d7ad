import { FlowValidationRule, RuleFinding, ValidationContext } from '../context';
import { FlowValidationSeverity } from '../types';

/**
 * Schema check: connections go the way node types allow — Conditional connections only from
 * Condition nodes, Data connections never from Condition nodes (they have no outputs), nothing into
 * an Input node and nothing out of an Output node.
 */
export const invalidConnectionDirection: FlowValidationRule = {
  type: 'InvalidConnectionDirection',
  severity: FlowValidationSeverity.ERROR,
  check(ctx: ValidationContext): RuleFinding[] {
    const findings: RuleFinding[] = [];
    for (const c of ctx.connections) {
      const source = ctx.nodeByName.get(c.source);
      const target = ctx.nodeByName.get(c.target);
      const what = `connection '${c.name}' (${c.source} → ${c.target})`;
      if (source?.type === 'Condition' && c.type === 'Data') {
        findings.push({
          connection: c.name,
          node: c.source,
          message: `${what} is a Data connection from Condition node '${c.source}', which has no outputs: make it a Conditional connection `
            + `naming one of its conditions, and feed '${c.target}' its data from the node that feeds the Condition node`,
        });
      } else if (source && source.type !== 'Condition' && c.type === 'Conditional' && !ctx.isUnresolved(source.type)) {
        findings.push({
          connection: c.name,
          node: c.source,
          message: `${what} is Conditional, but '${c.source}' is a ${source.type} node; only Condition nodes have conditional connections: `
            + 'make it a Data connection with sourceOutput and targetInput, or route through a Condition node',
        });
      }
      if (target?.type === 'Input') {
        findings.push({ connection: c.name, node: c.target, message: `${what} goes into Input node '${c.target}', where the flow starts: remove the connection` });
      }
      if (source?.type === 'Output') {
        findings.push({ connection: c.name, node: c.source, message: `${what} leaves Output node '${c.source}', where a branch ends: remove the connection` });
      }
    }
    return findings;
  },
};
