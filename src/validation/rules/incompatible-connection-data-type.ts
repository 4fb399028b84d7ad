import { DATA_TYPES } from '../../definition/schema';
import { FlowValidationRule, RuleFinding, ValidationContext } from '../context';
import { article } from '../node-ports';
import { FlowValidationSeverity } from '../types';

/**
 * IncompatibleConnectionDataType: the value a data connection carries does not fit the target
 * input. When the input's expression is `$.data` (the whole value), the source output and the
 * input must have the same type; an expression that goes into the value (`.field`, `[i]`) needs an
 * Object or Array source; an expression that selects several values (`*`, `[i, j]`, `[i:j]`) gives
 * an Array. A warning: the service's exact rule is not documented.
 */
export const incompatibleConnectionDataType: FlowValidationRule = {
  type: 'IncompatibleConnectionDataType',
  severity: FlowValidationSeverity.WARNING,
  check(ctx: ValidationContext): RuleFinding[] {
    const findings: RuleFinding[] = [];
    const types = DATA_TYPES as readonly string[];
    for (const c of ctx.connections) {
      const data = c.configuration?.data;
      if (c.type !== 'Data' || !data) continue;
      const source = ctx.nodeByName.get(c.source);
      const target = ctx.nodeByName.get(c.target);
      const output = source && ctx.outputsOf(source).get(data.sourceOutput);
      const input = target && ctx.inputsOf(target).get(data.targetInput);
      if (!output || !input || !types.includes(output.type) || !types.includes(input.type)) continue;
      if (typeof input.expression !== 'string' || ctx.isUnresolved(input.expression)) continue;
      const parsed = ctx.parseInputExpression(input.expression);
      if (!parsed.ok) continue; // MalformedNodeInputExpression
      const from = `output '${output.name}' of '${c.source}' (${output.type})`;
      const into = `input '${input.name}' of '${c.target}' (${input.type})`;
      let problem: string | undefined;
      if (parsed.expression.isWholeValue) {
        if (output.type !== input.type) {
          problem = `${from} is passed whole ('$.data') into ${into}: declare the input as ${output.type}, `
            + 'or select a part of the value with an expression such as \'$.data.field\'';
        }
      } else if (output.type !== 'Object' && output.type !== 'Array') {
        problem = `the expression '${input.expression}' of ${into} goes into the value, but ${from} is ${article(output.type)}: `
          + "use '$.data', or declare the source output as Object or Array";
      } else if (parsed.expression.selectsMany && input.type !== 'Array') {
        problem = `the expression '${input.expression}' of ${into} selects several values, which arrive as an Array: declare the input as Array, `
          + 'or select a single value';
      }
      if (problem) findings.push({ connection: c.name, node: c.target, port: input.name, message: `connection '${c.name}': ${problem}` });
    }
    return findings;
  },
};
