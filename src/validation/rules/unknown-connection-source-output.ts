import { FlowValidationRule, RuleFinding, ValidationContext } from '../context';
import { quoteList } from '../helpers';
import { FlowValidationSeverity } from '../types';

/** Source node types whose outgoing data connections other rules report (no outputs at all). */
const REPORTED_ELSEWHERE = new Set(['Condition', 'Output', 'LoopController']);

/**
 * UnknownConnectionSourceOutput: a data connection's `sourceOutput` must be an output the source
 * node declares.
 */
export const unknownConnectionSourceOutput: FlowValidationRule = {
  type: 'UnknownConnectionSourceOutput',
  severity: FlowValidationSeverity.ERROR,
  check(ctx: ValidationContext): RuleFinding[] {
    const findings: RuleFinding[] = [];
    for (const c of ctx.connections) {
      const output = c.configuration?.data?.sourceOutput;
      const source = ctx.nodeByName.get(c.source);
      if (c.type !== 'Data' || !source || REPORTED_ELSEWHERE.has(source.type) || typeof output !== 'string' || ctx.isUnresolved(output)) continue;
      const outputs = ctx.outputsOf(source);
      if (outputs.has(output)) continue;
      findings.push({
        connection: c.name,
        node: c.source,
        port: output,
        message: `connection '${c.name}' reads output '${output}' of node '${c.source}', which has no such output `
          + `(its outputs: ${quoteList(outputs.keys())}): use one of those as sourceOutput, or declare the output`,
      });
    }
    return findings;
  },
};
