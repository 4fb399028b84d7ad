import { FlowValidationRule, RuleFinding, ValidationContext } from '../context';
import { show } from '../helpers';
import { FlowValidationSeverity } from '../types';

/**
 * MalformedNodeInputExpression: an input's `expression` is in the JsonPath subset the service
 * accepts — `$.data` followed by `.field`, `[i]`, `[i, j]`, `[i:j]` or `*` — at most 64 characters.
 */
export const malformedNodeInputExpression: FlowValidationRule = {
  type: 'MalformedNodeInputExpression',
  severity: FlowValidationSeverity.ERROR,
  check(ctx: ValidationContext): RuleFinding[] {
    const findings: RuleFinding[] = [];
    for (const node of ctx.nodes) {
      for (const input of ctx.inputsOf(node).values()) {
        const expression = input.expression as unknown;
        if (ctx.isUnresolved(expression)) continue;
        const where = `input '${input.name}' of node '${node.name}'`;
        if (typeof expression !== 'string') {
          findings.push({
            node: node.name,
            port: input.name,
            message: `${where} has ${expression === undefined ? 'no expression' : `expression ${show(expression)}, not a string`}: `
              + "set expression to '$.data' (the whole value) or a path into it such as '$.data.field'",
          });
          continue;
        }
        const parsed = ctx.parseInputExpression(expression);
        if (!parsed.ok) {
          findings.push({
            node: node.name,
            port: input.name,
            message: `${where} has the malformed expression '${expression}': ${parsed.cause}; `
              + "write '$.data' followed by .field, [index], [i, j], [start:end] or * segments",
          });
        }
      }
    }
    return findings;
  },
};
