import { FlowDefinitionJson } from './schema';
import type { FlowNode } from '../nodes/flow-node';

/**
 * The nodes connected to `start` (through data inputs in either direction and conditional
 * branches), in breadth-first order from `start`. A node that nothing connects to the graph is
 * not part of it.
 */
export function collectNodes(start: FlowNode): FlowNode[] {
  const seen = new Set<FlowNode>([start]);
  const order: FlowNode[] = [start];
  for (let i = 0; i < order.length; i++) {
    const node = order[i];
    const neighbours = [
      ...node._consumers,
      ...node._conditionalTargets(),
      ...node._inputPorts.map(p => p.source?.node).filter((n): n is FlowNode => n !== undefined),
    ];
    for (const next of neighbours) {
      if (!seen.has(next)) {
        seen.add(next);
        order.push(next);
      }
    }
  }
  return order;
}

/** The definition JSON of the given nodes: the nodes in order, then every connection they own. */
export function renderNodes(nodes: FlowNode[]): FlowDefinitionJson {
  return {
    nodes: nodes.map(n => n._renderNode()),
    connections: nodes.flatMap(n => n._renderConnections()),
  };
}
