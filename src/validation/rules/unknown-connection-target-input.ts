import { FlowValidationRule, RuleFinding, ValidationContext } from '../context';
import { quoteList } from '../helpers';
import { FlowValidationSeverity } from '../types';

/** Target node types whose incoming data connections other rules report (no inputs at all). */
const REPORTED_ELSEWHERE = new Set(['Input', 'LoopInput']);

/**
 * UnknownConnectionTargetInput: a data connection's `targetInput` must be an input the target
 * node declares.
 */
export const unknownConnectionTargetInput: FlowValidationRule = {
  type: 'UnknownConnectionTargetInput',
  severity: FlowValidationSeverity.ERROR,
  check(ctx: ValidationContext): RuleFinding[] {
    const findings: RuleFinding[] = [];
    for (const c of ctx.connections) {
      const input = c.configuration?.data?.targetInput;
      const target = ctx.nodeByName.get(c.target);
      if (c.type !== 'Data' || !target || REPORTED_ELSEWHERE.has(target.type) || typeof input !== 'string' || ctx.isUnresolved(input)) continue;
      const inputs = ctx.inputsOf(target);
      if (inputs.has(input)) continue;
      findings.push({
        connection: c.name,
        node: c.target,
        port: input,
        message: `connection '${c.name}' feeds input '${input}' of node '${c.target}', which has no such input `
          + `(its inputs: ${quoteList(inputs.keys())}): use one of those as targetInput, or declare the input`,
      });
    }
    return findings;
  },
};
