import { FlowConnectionJson } from '../../definition/schema';
import { FlowValidationRule, RuleFinding, ValidationContext } from '../context';
import { FlowValidationSeverity } from '../types';

/**
 * DuplicateConnections: two connections between the same nodes that carry the same thing — the
 * same output to the same input, or the same condition. (Several connections between one pair of
 * nodes on different ports are fine.) A warning: what exactly the service counts as duplicate is
 * not documented.
 */
export const duplicateConnections: FlowValidationRule = {
  type: 'DuplicateConnections',
  severity: FlowValidationSeverity.WARNING,
  check(ctx: ValidationContext): RuleFinding[] {
    const findings: RuleFinding[] = [];
    const report = (c: FlowConnectionJson, earlier: FlowConnectionJson, carries: string) => findings.push({
      connection: c.name,
      node: c.target,
      message: `connection '${c.name}' repeats connection '${earlier.name}' (${c.source} → ${c.target}, ${carries}): remove one of them`,
    });
    // identical data connections feed the same input, so they are in the same group
    for (const bucket of ctx.inputsWithSeveralConnections()) {
      const first = new Map<string, FlowConnectionJson>();
      for (const c of bucket) {
        const output = c.configuration?.data?.sourceOutput;
        if (typeof output !== 'string') continue;
        const key = `${c.source}\u0000${output}`;
        const earlier = first.get(key);
        if (earlier) report(c, earlier, `output '${output}' to input '${c.configuration!.data!.targetInput}'`);
        else first.set(key, c);
      }
    }
    const conditional = new Map<string, FlowConnectionJson>();
    for (const c of ctx.connections) {
      const condition = c.configuration?.conditional?.condition;
      if (c.type !== 'Conditional' || typeof condition !== 'string') continue;
      const key = `${c.source}\u0000${c.target}\u0000${condition}`;
      const earlier = conditional.get(key);
      if (earlier) report(c, earlier, `condition '${condition}'`);
      else conditional.set(key, c);
    }
    return findings;
  },
};
