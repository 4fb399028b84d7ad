import { FlowValidationRule, NodeEntry, Report, ValidationContext } from '../context';
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
    const reached = new Uint8Array(ctx.nodes.length);
    const queue: NodeEntry[] = [];
    for (const { name } of ctx.nodesOfType(startType)) {
      const start = ctx.node(name); // connections leave the first node of the name
      if (start && !reached[start.index]) {
        reached[start.index] = 1;
        queue.push(start);
      }
    }
    if (queue.length === 0) return; // MissingStartingNodes / MissingLoopInputNode report this
    for (let i = 0; i < queue.length; i++) {
      for (const { target } of queue[i].outgoing) {
        if (target && !reached[target.index]) {
          reached[target.index] = 1;
          queue.push(target);
        }
      }
    }
    for (const { name, index, isNamed } of ctx.nodes) {
      if (!isNamed || reached[index]) continue;
      report({
        node: name,
        message: `node '${name}' cannot be reached from the ${startType} node of ${ctx.scopeLabel}: `
          + 'connect an output that is reached to one of its inputs (or a Condition branch to it), or remove the node',
      });
    }
  },
};
