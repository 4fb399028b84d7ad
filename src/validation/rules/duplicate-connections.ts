import { FlowConnectionJson } from '../../definition/schema';
import { ConnectionEntry, FlowValidationRule, NodeEntry, Report } from '../context';
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
  node(entry: NodeEntry, _ctx, report: Report): void {
    // identical data connections feed the same input, so they are in the same group
    for (const group of entry.inputsWithSeveralConnections()) {
      const first = new Map<string, FlowConnectionJson>();
      for (const { connection: c, targetInput } of group) {
        const output = c.configuration?.data?.sourceOutput;
        if (typeof output !== 'string') continue;
        const key = `${c.source}\u0000${output}`;
        const earlier = first.get(key);
        if (earlier) reportRepeat(c, earlier, `output '${output}' to input '${targetInput}'`, report);
        else first.set(key, c);
      }
    }
    // identical conditional connections leave the same node; a node has few connections out
    const out = entry.outgoing;
    for (let i = 1; i < out.length; i++) {
      const c = out[i].connection;
      const condition = conditionOf(c);
      if (condition === undefined) continue;
      const earlier = firstConditional(out, i, c.target, condition);
      if (earlier) reportRepeat(c, earlier, `condition '${condition}'`, report);
    }
  },
};

/** The condition a Conditional connection follows, when it is a string. */
function conditionOf(c: FlowConnectionJson): string | undefined {
  const condition = c.configuration?.conditional?.condition;
  return c.type === 'Conditional' && typeof condition === 'string' ? condition : undefined;
}

/** The first of the first `end` connections that follows `condition` to `target`. */
function firstConditional(list: readonly ConnectionEntry[], end: number, target: string, condition: string): FlowConnectionJson | undefined {
  for (let i = 0; i < end; i++) {
    const c = list[i].connection;
    if (c.target === target && conditionOf(c) === condition) return c;
  }
  return undefined;
}

function reportRepeat(c: FlowConnectionJson, earlier: FlowConnectionJson, carries: string, report: Report): void {
  report({
    connection: c.name,
    node: c.target,
    message: `connection '${c.name}' repeats connection '${earlier.name}' (${c.source} → ${c.target}, ${carries}): remove one of them`,
  });
}
