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
    const state = new Uint8Array(ctx.nodeCount); // 0 = not seen, ON_PATH, DONE
    // iterative depth-first search: a stack of nodes (each one at most once), with the position of each one's
    // next outgoing connection; in flat arrays, as a long chain of nodes makes a deep stack
    const stack = new Int32Array(ctx.nodeCount);
    const next = new Int32Array(ctx.nodeCount);
    let depth = 0;
    for (let root = 0; root < ctx.nodeCount; root++) {
      if (!ctx.isNamed(root) || state[root] !== 0) continue;
      stack[0] = root;
      next[0] = ctx.firstOutgoing(root);
      depth = 1;
      state[root] = ON_PATH;
      while (depth > 0) {
        const top = depth - 1;
        const c = next[top];
        if (c < 0) {
          state[stack[top]] = DONE;
          depth--;
          continue;
        }
        next[top] = ctx.nextOutgoing(c);
        const target = ctx.targetOf(c);
        if (target < 0) continue; // UnknownConnectionTarget
        if (state[target] === ON_PATH) {
          const { name, source } = ctx.connectionJson(c);
          const targetName = ctx.nameAt(target);
          report({
            connection: name,
            node: targetName,
            message: `connection '${name}' (${source} → ${targetName}) closes a cycle; flows must not loop back: `
              + 'remove the connection, or repeat work with an Iterator/Collector or a Loop node',
          });
        } else if (state[target] === 0) {
          state[target] = ON_PATH;
          stack[depth] = target;
          next[depth] = ctx.firstOutgoing(target);
          depth++;
        }
      }
    }
  },
};
