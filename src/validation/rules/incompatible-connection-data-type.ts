import { DATA_TYPES, FlowConnectionJson, FlowNodeInputJson, FlowNodeOutputJson } from '../../definition/schema';
import { ConnectionEntry, FlowValidationRule, Report, ValidationContext } from '../context';
import { article } from '../node-ports';
import { FlowValidationSeverity } from '../types';

const TYPES = DATA_TYPES as readonly string[];

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
  connection({ connection: c, output, input }: ConnectionEntry, ctx: ValidationContext, report: Report): void {
    if (!output || !input || !TYPES.includes(output.type) || !TYPES.includes(input.type)) return;
    if (typeof input.expression !== 'string' || ctx.isUnresolved(input.expression)) return;
    const parsed = ctx.parseInputExpression(input.expression);
    if (!parsed.ok) return; // MalformedNodeInputExpression
    let problem: string | undefined;
    if (parsed.expression.isWholeValue) {
      if (output.type !== input.type) {
        problem = `${from(c, output)} is passed whole ('$.data') into ${into(c, input)}: declare the input as ${output.type}, `
          + 'or select a part of the value with an expression such as \'$.data.field\'';
      }
    } else if (output.type !== 'Object' && output.type !== 'Array') {
      problem = `the expression '${input.expression}' of ${into(c, input)} goes into the value, but ${from(c, output)} is ${article(output.type)}: `
        + "use '$.data', or declare the source output as Object or Array";
    } else if (parsed.expression.selectsMany && input.type !== 'Array') {
      problem = `the expression '${input.expression}' of ${into(c, input)} selects several values, which arrive as an Array: declare the input as Array, `
        + 'or select a single value';
    }
    if (problem) report({ connection: c.name, node: c.target, port: input.name, message: `connection '${c.name}': ${problem}` });
  },
};

/** `output 'x' of 'Node' (Type)`, for messages. */
function from(c: FlowConnectionJson, output: FlowNodeOutputJson): string {
  return `output '${output.name}' of '${c.source}' (${output.type})`;
}

/** `input 'x' of 'Node' (Type)`, for messages. */
function into(c: FlowConnectionJson, input: FlowNodeInputJson): string {
  return `input '${input.name}' of '${c.target}' (${input.type})`;
}
