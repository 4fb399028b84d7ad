import { ConnectionEntry, FlowValidationRule, Report, ValidationContext } from '../context';
import { connectionLabel } from '../helpers';
import { FlowValidationSeverity } from '../types';

/**
 * Schema check: connections go the way node types allow — Conditional connections only from
 * Condition nodes, Data connections never from Condition nodes (they have no outputs), nothing into
 * an Input node and nothing out of an Output node.
 */
export const invalidConnectionDirection: FlowValidationRule = {
  type: 'InvalidConnectionDirection',
  severity: FlowValidationSeverity.ERROR,
  connection({ connection: c, source, target }: ConnectionEntry, ctx: ValidationContext, report: Report): void {
    if (source?.type === 'Condition' && c.type === 'Data') {
      report({
        connection: c.name,
        node: c.source,
        message: `${connectionLabel(c)} is a Data connection from Condition node '${c.source}', which has no outputs: make it a Conditional connection `
          + `naming one of its conditions, and feed '${c.target}' its data from the node that feeds the Condition node`,
      });
    } else if (source && source.type !== 'Condition' && c.type === 'Conditional' && !ctx.isUnresolved(source.node.type)) {
      report({
        connection: c.name,
        node: c.source,
        message: `${connectionLabel(c)} is Conditional, but '${c.source}' is a ${source.node.type} node; only Condition nodes have conditional connections: `
          + 'make it a Data connection with sourceOutput and targetInput, or route through a Condition node',
      });
    }
    if (target?.type === 'Input') {
      report({ connection: c.name, node: c.target, message: `${connectionLabel(c)} goes into Input node '${c.target}', where the flow starts: remove the connection` });
    }
    if (source?.type === 'Output') {
      report({ connection: c.name, node: c.source, message: `${connectionLabel(c)} leaves Output node '${c.source}', where a branch ends: remove the connection` });
    }
  },
};
