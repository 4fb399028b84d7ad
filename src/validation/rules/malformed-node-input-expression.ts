import { FlowValidationRule, NodeEntry, Report, ValidationContext } from '../context';
import { show } from '../helpers';
import { FlowValidationSeverity } from '../types';

/**
 * MalformedNodeInputExpression: an input's `expression` is in the JsonPath subset the service
 * accepts — `$.data` followed by `.field`, `[i]`, `[i, j]`, `[i:j]` or `*` — at most 64 characters.
 */
export const malformedNodeInputExpression: FlowValidationRule = {
  type: 'MalformedNodeInputExpression',
  severity: FlowValidationSeverity.ERROR,
  node({ node, inputs }: NodeEntry, ctx: ValidationContext, report: Report): void {
    for (const input of inputs) {
      const expression = input.expression as unknown;
      if (ctx.isUnresolved(expression)) continue;
      if (typeof expression !== 'string') {
        report({
          node: node.name,
          port: input.name,
          message: `input '${input.name}' of node '${node.name}' has ${expression === undefined ? 'no expression' : `expression ${show(expression)}, not a string`}: `
            + "set expression to '$.data' (the whole value) or a path into it such as '$.data.field'",
        });
        continue;
      }
      const parsed = ctx.parseInputExpression(expression);
      if (!parsed.ok) {
        report({
          node: node.name,
          port: input.name,
          message: `input '${input.name}' of node '${node.name}' has the malformed expression '${expression}': ${parsed.cause}; `
            + "write '$.data' followed by .field, [index], [i, j], [start:end] or * segments",
        });
      }
    }
  },
};
