import { ConnectionEntry, FlowValidationRule, Report, ValidationContext } from '../context';
import { quoteList } from '../helpers';
import { FlowValidationSeverity } from '../types';

/** Source node types whose outgoing data connections other rules report (no outputs at all). */
const REPORTED_ELSEWHERE = new Set<string | undefined>(['Condition', 'Output', 'LoopController']);

/**
 * UnknownConnectionSourceOutput: a data connection's `sourceOutput` must be an output the source
 * node declares.
 */
export const unknownConnectionSourceOutput: FlowValidationRule = {
  type: 'UnknownConnectionSourceOutput',
  severity: FlowValidationSeverity.ERROR,
  connection({ connection: c, source, sourceOutput: output, output: found }: ConnectionEntry, ctx: ValidationContext, report: Report): void {
    if (found || output === undefined || !source || REPORTED_ELSEWHERE.has(source.type) || ctx.isUnresolved(output)) return;
    report({
      connection: c.name,
      node: c.source,
      port: output,
      message: `connection '${c.name}' reads output '${output}' of node '${c.source}', which has no such output `
        + `(its outputs: ${quoteList(source.outputs.map(({ name }) => name))}): use one of those as sourceOutput, or declare the output`,
    });
  },
};
