import { FlowValidationRule, RuleFinding, ValidationContext } from '../context';
import { FlowValidationSeverity } from '../types';

/**
 * CyclicConnection: a flow is a directed acyclic graph; repetition is done with an Iterator or a
 * Loop node. Reports each connection that closes a cycle (a back edge of a depth-first search).
 */
export const cyclicConnection: FlowValidationRule = {
  type: 'CyclicConnection',
  severity: FlowValidationSeverity.ERROR,
  check(ctx: ValidationContext): RuleFinding[] {
    const findings: RuleFinding[] = [];
    const state = new Map<string, 1 | 2>(); // 1 = on the current path, 2 = done
    for (const root of ctx.nodeByName.keys()) {
      if (state.has(root)) continue;
      // iterative depth-first search: a stack of (node, index of the next outgoing connection)
      const stack: [string, number][] = [[root, 0]];
      state.set(root, 1);
      while (stack.length > 0) {
        const top = stack[stack.length - 1];
        const out = ctx.outgoing.get(top[0]) ?? [];
        if (top[1] >= out.length) {
          state.set(top[0], 2);
          stack.pop();
          continue;
        }
        const c = out[top[1]++];
        if (!ctx.nodeByName.has(c.target)) continue;
        const s = state.get(c.target);
        if (s === 1) {
          findings.push({
            connection: c.name,
            node: c.target,
            message: `connection '${c.name}' (${c.source} → ${c.target}) closes a cycle; flows must not loop back: `
              + 'remove the connection, or repeat work with an Iterator/Collector or a Loop node',
          });
        } else if (s === undefined) {
          state.set(c.target, 1);
          stack.push([c.target, 0]);
        }
      }
    }
    return findings;
  },
};
