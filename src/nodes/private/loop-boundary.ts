import type { FlowOutput } from '../../definition/ports';
import type { FlowNode } from '../flow-node';

/** Node types that cannot be in a loop body (the service's IncompatibleLoopNodeType, plus Output and nested loops). */
export const LOOP_BODY_FORBIDDEN_TYPES = ['Input', 'Output', 'Condition', 'Iterator', 'Collector', 'Loop'];

const FLOW_NODE_SYMBOL = Symbol.for('cdk-bedrock-flows.FlowNode');

/**
 * The Loop node whose body `node` is in: its nearest ancestor construct that is a Loop node.
 * Nodes are put in a loop body by creating them with the Loop node (or a construct inside it) as scope.
 * A node's scope never changes, so the node computes this once (`findEnclosingLoop`) and keeps it.
 */
export function enclosingLoop(node: FlowNode): FlowNode | undefined {
  return node._enclosingLoop;
}

/** Walks up the construct tree for `enclosingLoop`; called once, by the node's constructor. */
export function findEnclosingLoop(node: FlowNode): FlowNode | undefined {
  // from the parent scope up to the root
  for (let s: any = node.node.scope; s !== undefined; s = s.node.scope) {
    if (FLOW_NODE_SYMBOL in s && s.nodeType === 'Loop') return s as FlowNode;
  }
  return undefined;
}

/** Throws when a node of a type not allowed in a loop body is in one. */
export function assertAllowedInLoopBody(node: FlowNode): void {
  const loop = enclosingLoop(node);
  if (loop && LOOP_BODY_FORBIDDEN_TYPES.includes(node.nodeType)) {
    throw new Error(`${node.nodeType} node '${node.nodeName}' cannot be in the body of Loop node '${loop.nodeName}': `
      + `a loop body cannot hold ${LOOP_BODY_FORBIDDEN_TYPES.join(', ')} nodes; create it outside the loop`);
  }
}

/**
 * Throws when connecting `source` to input `inputName` of `target` would cross a loop boundary:
 * both ends must be in the same definition scope (the top level, or the same loop body).
 */
export function assertSameLoopScope(target: FlowNode, inputName: string, source: FlowOutput): void {
  // both nodes passed assertAllowedInLoopBody when they were created
  const targetLoop = enclosingLoop(target);
  const sourceLoop = enclosingLoop(source.node);
  if (targetLoop === sourceLoop) return;
  const where = (loop: FlowNode | undefined) => loop ? `in the body of Loop node '${loop.nodeName}'` : 'outside any loop';
  const hint = sourceLoop && (!targetLoop || !isInside(targetLoop, sourceLoop))
    ? 'read values of a loop body outside the loop through the Loop node\'s outputs (`exitValues` of its LoopControllerNode, then `loop.output(name)`)'
    : 'pass outside values into a loop body through the Loop node\'s `inputs`, and read them inside from `loop.loopInput.output(name)`';
  throw new Error(`input '${inputName}' of node '${target.nodeName}' (${where(targetLoop)}) cannot read '${source}' (${where(sourceLoop)}): `
    + 'a connection cannot cross a loop boundary. A node is in a loop body when it is created with the Loop node as its scope '
    + `(new XxxNode(loop, 'Id', ...)); ${hint}`);
}

/** Whether `inner` is `outer` or nested inside it. */
function isInside(inner: FlowNode, outer: FlowNode): boolean {
  return inner.node.scopes.includes(outer);
}
