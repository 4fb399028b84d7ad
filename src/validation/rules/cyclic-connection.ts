import { FlowValidationRule, Report, ValidationContext } from '../context';
import { FlowValidationSeverity } from '../types';

const ON_PATH = 1;
const DONE = 2;

/**
 * CyclicConnection: a flow is a directed acyclic graph; repetition is done with an Iterator or a
 * Loop node. Reports each connection that closes a cycle (a back edge of a depth-first search).
 */
export const cyclicConnection: FlowValidationRule = {
  type: 'CyclicConnection',
  severity: FlowValidationSeverity.ERROR,
  scope(ctx: ValidationContext, report: Report): void {
    const state = new Uint8Array(ctx.nodes.length); // 0 = not seen, ON_PATH, DONE
    // iterative depth-first search: a stack of nodes, with the index of each one's next outgoing connection
    const stack: number[] = [];
    const next: number[] = [];
    for (const root of ctx.nodes) {
      if (!root.isNamed || state[root.index] !== 0) continue;
      stack.push(root.index);
      next.push(0);
      state[root.index] = ON_PATH;
      while (stack.length > 0) {
        const top = stack.length - 1;
        const out = ctx.nodes[stack[top]].outgoing;
        if (next[top] >= out.length) {
          state[stack[top]] = DONE;
          stack.pop();
          next.pop();
          continue;
        }
        const c = out[next[top]++];
        const target = c.target;
        if (!target) continue; // UnknownConnectionTarget
        if (state[target.index] === ON_PATH) {
          const { name, source } = c.connection;
          report({
            connection: name,
            node: target.name,
            message: `connection '${name}' (${source} → ${target.name}) closes a cycle; flows must not loop back: `
              + 'remove the connection, or repeat work with an Iterator/Collector or a Loop node',
          });
        } else if (state[target.index] === 0) {
          state[target.index] = ON_PATH;
          stack.push(target.index);
          next.push(0);
        }
      }
    }
  },
};
