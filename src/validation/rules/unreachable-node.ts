import { FlowValidationRule, Report, ValidationContext } from '../context';
import { FlowValidationSeverity } from '../types';

/**
 * UnreachableNode: every node must be reachable from the starting node (the Input node, or the
 * LoopInput node in a loop body) through data or conditional connections.
 */
export const unreachableNode: FlowValidationRule = {
  type: 'UnreachableNode',
  severity: FlowValidationSeverity.ERROR,
  scope(ctx: ValidationContext, report: Report): void {
    const startType = ctx.isLoopBody ? 'LoopInput' : 'Input';
    const reached = new Uint8Array(ctx.nodeCount);
    // breadth-first search, with each node in the queue at most once
    const queue = new Int32Array(ctx.nodeCount);
    let queued = 0;
    for (const { name } of ctx.nodesOfType(startType)) {
      const start = ctx.node(name); // connections leave the first node of the name
      if (start && !reached[start.index]) {
        reached[start.index] = 1;
        queue[queued++] = start.index;
      }
    }
    if (queued === 0) return; // MissingStartingNodes / MissingLoopInputNode report this
    for (let i = 0; i < queued; i++) {
      for (let c = ctx.firstOutgoing(queue[i]); c >= 0; c = ctx.nextOutgoing(c)) {
        const target = ctx.targetOf(c);
        if (target >= 0 && !reached[target]) {
          reached[target] = 1;
          queue[queued++] = target;
        }
      }
    }
    for (let index = 0; index < ctx.nodeCount; index++) {
      if (!ctx.isNamed(index) || reached[index]) continue;
      const name = ctx.nameAt(index);
      report({
        node: name,
        message: `node '${name}' cannot be reached from the ${startType} node of ${ctx.scopeLabel}: `
          + 'connect an output that is reached to one of its inputs (or a Condition branch to it), or remove the node',
      });
    }
  },
};
