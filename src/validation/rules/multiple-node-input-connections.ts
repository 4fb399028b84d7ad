import { FlowValidationRule, RuleFinding, ValidationContext } from '../context';
import { FlowValidationSeverity } from '../types';

/**
 * MultipleNodeInputConnections: each input takes exactly one data connection, even when the
 * sources are on branches that exclude each other. Give each branch its own node instead.
 */
export const multipleNodeInputConnections: FlowValidationRule = {
  type: 'MultipleNodeInputConnections',
  severity: FlowValidationSeverity.ERROR,
  check(ctx: ValidationContext): RuleFinding[] {
    const findings: RuleFinding[] = [];
    for (const connections of ctx.inputsWithSeveralConnections()) {
      const { target } = connections[0];
      const input = connections[0].configuration!.data!.targetInput;
      findings.push({
        node: target,
        port: input,
        connection: connections[1].name,
        message: `input '${input}' of node '${target}' has ${connections.length} data connections `
          + `(${connections.map(c => `'${c.name}' from ${c.source}`).join(', ')}); an input takes exactly one: `
          + 'inputs cannot merge branches, so give each branch its own copy of the node',
      });
    }
    return findings;
  },
};
