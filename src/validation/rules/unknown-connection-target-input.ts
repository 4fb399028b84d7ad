import { ConnectionEntry, FlowValidationRule, Report, ValidationContext } from '../context';
import { quoteList } from '../helpers';
import { FlowValidationSeverity } from '../types';

/** Target node types whose incoming data connections other rules report (no inputs at all). */
const REPORTED_ELSEWHERE = new Set<string | undefined>(['Input', 'LoopInput']);

/**
 * UnknownConnectionTargetInput: a data connection's `targetInput` must be an input the target
 * node declares.
 */
export const unknownConnectionTargetInput: FlowValidationRule = {
  type: 'UnknownConnectionTargetInput',
  severity: FlowValidationSeverity.ERROR,
  connection({ connection: c, target, targetInput: input, input: found }: ConnectionEntry, ctx: ValidationContext, report: Report): void {
    if (found || input === undefined || !target || REPORTED_ELSEWHERE.has(target.type) || ctx.isUnresolved(input)) return;
    report({
      connection: c.name,
      node: c.target,
      port: input,
      message: `connection '${c.name}' feeds input '${input}' of node '${c.target}', which has no such input `
        + `(its inputs: ${quoteList(target.inputs.map(({ name }) => name))}): use one of those as targetInput, or declare the input`,
    });
  },
};
