import { FlowValidationRule, Report, ValidationContext } from '../context';
import { FlowValidationSeverity } from '../types';

/**
 * MultipleNodeInputConnections: each input takes exactly one data connection, even when the
 * sources are on branches that exclude each other. Give each branch its own node instead.
 */
export const multipleNodeInputConnections: FlowValidationRule = {
  type: 'MultipleNodeInputConnections',
  severity: FlowValidationSeverity.ERROR,
  scope(ctx: ValidationContext, report: Report): void {
    for (let index = 0; index < ctx.nodeCount; index++) {
      for (const connections of ctx.inputsWithSeveralConnections(index)) {
        const input = connections[0].targetInput;
        const name = ctx.nameAt(index);
        report({
          node: name,
          port: input,
          connection: connections[1].connection.name,
          message: `input '${input}' of node '${name}' has ${connections.length} data connections `
            + `(${connections.map(({ connection: c }) => `'${c.name}' from ${c.source}`).join(', ')}); an input takes exactly one: `
            + 'inputs cannot merge branches, so give each branch its own copy of the node',
        });
      }
    }
  },
};
