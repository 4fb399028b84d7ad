import { FlowValidationRule, RuleFinding, ValidationContext } from '../context';
import { FlowValidationSeverity } from '../types';

/**
 * UnreachableNode: every node must be reachable from the starting node (the Input node, or the
 * LoopInput node in a loop body) through data or conditional connections.
 */
export const unreachableNode: FlowValidationRule = {
  type: 'UnreachableNode',
  severity: FlowValidationSeverity.ERROR,
  check(ctx: ValidationContext): RuleFinding[] {
    const startType = ctx.isLoopBody ? 'LoopInput' : 'Input';
    const starts = ctx.nodes.filter(n => n.type === startType && typeof n.name === 'string').map(n => n.name);
    if (starts.length === 0) return []; // MissingStartingNodes / MissingLoopInputNode report this
    const reached = new Set<string>(starts);
    const queue = [...starts];
    for (let i = 0; i < queue.length; i++) {
      for (const c of ctx.outgoing.get(queue[i]) ?? []) {
        if (!reached.has(c.target)) {
          reached.add(c.target);
          queue.push(c.target);
        }
      }
    }
    return [...ctx.nodeByName.keys()].filter(name => !reached.has(name)).map(name => ({
      node: name,
      message: `node '${name}' cannot be reached from the ${startType} node of ${ctx.scopeLabel}: `
        + 'connect an output that is reached to one of its inputs (or a Condition branch to it), or remove the node',
    }));
  },
};
