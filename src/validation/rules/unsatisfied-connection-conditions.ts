import { FlowValidationRule, Report, ValidationContext } from '../context';
import { FlowValidationSeverity } from '../types';

/** What a node needs of one Condition node: the condition, and the conditional connection that set it. */
interface Need {
  readonly condition: string;
  readonly via: string;
}

/** For each Condition node a node depends on (by name), what it needs of it. */
class Guard {
  /** How many connections still have to read this guard: when none, it may be changed in place. */
  public pending = 0;
  constructor(public readonly needs: Map<string, Need> = new Map()) {}
}

/** What one connection brings into a node: the source's guard, and for a conditional connection its condition. */
interface Contribution {
  /** the connection's position */
  readonly connection: number;
  readonly guard: Guard;
  readonly adds?: readonly [string, Need];
}

const EMPTY = new Guard();
/** The guard of a node that can never run (reported where it started). */
const NEVER = new Guard();

/**
 * UnsatisfiedConnectionConditions: a node that can never run because it needs two different
 * conditions of the same Condition node to hold (only one condition of a Condition node is chosen),
 * for example a node fed by data from two exclusive branches.
 *
 * Each node's guard (the condition of each Condition node it depends on) is propagated in
 * topological order: a node inherits the guards of the nodes that feed its inputs, and a single
 * conditional connection into it adds its condition (with several, any one activates the node, so
 * they add nothing). Nodes on a cycle are skipped (CyclicConnection). A warning: the service's exact
 * rule is not documented.
 *
 * Only nodes that a conditional connection leads to (directly or not) can have a guard, so only
 * they are visited. Guards are shared between nodes until one has to change, and a guard that no
 * other node will read any more is changed in place, so that chains of any length cost time linear
 * in their length.
 */
export const unsatisfiedConnectionConditions: FlowValidationRule = {
  type: 'UnsatisfiedConnectionConditions',
  severity: FlowValidationSeverity.WARNING,
  scope(ctx: ValidationContext, report: Report): void {
    // the guards by node index; a guard is let go once every connection that reads it has (on a large
    // definition, guards kept to the end would stay in memory all at once)
    const guards = new Map<number, Guard>();
    const unread = new Int32Array(ctx.nodeCount); // how many connections have still to read each node's guard
    const order = topologicalOrder(ctx, downstreamOfConditionals(ctx));
    for (let k = 0; k < order.length; k++) {
      const node = order[k];
      let conditionals = 0;
      for (let c = ctx.firstIncoming(node); c >= 0; c = ctx.nextIncoming(c)) if (ctx.isConditional(c) && ctx.sourceOf(c) >= 0) conditionals++;
      const contributions: Contribution[] = [];
      let never = false;
      for (let c = ctx.firstIncoming(node); c >= 0; c = ctx.nextIncoming(c)) {
        const source = ctx.sourceOf(c);
        if (source < 0) continue;
        const g = guards.get(source) ?? EMPTY;
        if (g !== EMPTY && --unread[source] === 0) guards.delete(source);
        if (g === NEVER) {
          never = true; // reported where it started
          continue;
        }
        if (g !== EMPTY) g.pending--;
        if (ctx.isData(c)) {
          contributions.push({ connection: c, guard: g });
        } else if (conditionals === 1 && ctx.isConditional(c)) {
          const condition = ctx.conditionOf(c);
          const { source: conditionNode, name: via } = ctx.connectionJson(c);
          if (condition !== undefined) contributions.push({ connection: c, guard: g, adds: [conditionNode, { condition, via }] });
        }
      }
      const merged = never ? undefined : merge(contributions, (position, conditionNode, held, needed) =>
        reportNever(ctx.nameAt(node), ctx.connectionJson(position).name, conditionNode, held, needed, report));
      let readers = 0;
      for (let c = ctx.firstOutgoing(node); c >= 0; c = ctx.nextOutgoing(c)) if (ctx.targetOf(c) >= 0) readers++;
      if (readers === 0 || merged === EMPTY) continue; // no node reads it, or it is empty (as a node without a guard)
      guards.set(node, merged ?? NEVER);
      unread[node] = readers;
      if (merged !== undefined && merged !== EMPTY) merged.pending += readers;
    }
  },
};

function reportNever(node: string | undefined, connection: string, conditionNode: string, held: Need, needed: Need, report: Report): void {
  report({
    node,
    connection,
    message: `node '${node}' can never run: through connection '${connection}' it needs condition '${needed.condition}' of Condition node `
      + `'${conditionNode}' (connection '${needed.via}'), and through its other inputs condition '${held.condition}' (connection '${held.via}'); `
      + `only one condition of '${conditionNode}' holds at a time: give each branch its own copy of '${node}'`,
  });
}

/**
 * The union of the contributions; undefined (after reporting) when two need different conditions
 * of one Condition node. Starts from the largest guard, which is changed in place when no other
 * connection will read it, and copied otherwise.
 */
function merge(
  contributions: Contribution[],
  report: (connection: number, conditionNode: string, held: Need, needed: Need) => void,
): Guard | undefined {
  let base = -1;
  contributions.forEach((c, i) => { if (base < 0 || c.guard.needs.size > contributions[base].guard.needs.size) base = i; });
  if (base < 0) return EMPTY;
  let result = contributions[base].guard;
  let owned = result !== EMPTY && result.pending === 0;
  const add = (c: number, conditionNode: string, need: Need): boolean => {
    const held = result.needs.get(conditionNode);
    if (held === undefined) {
      if (!owned) {
        result = new Guard(new Map(result.needs));
        owned = true;
      }
      result.needs.set(conditionNode, need);
    } else if (held.condition !== need.condition) {
      report(c, conditionNode, held, need);
      return false;
    }
    return true;
  };
  for (let i = 0; i < contributions.length; i++) {
    const { connection, guard, adds } = contributions[i];
    if (i !== base && guard !== contributions[base].guard) {
      for (const [conditionNode, need] of guard.needs) {
        if (!add(connection, conditionNode, need)) return undefined;
      }
    }
    if (adds && !add(connection, adds[0], adds[1])) return undefined;
  }
  return result;
}

/**
 * The indexes of the nodes a conditional connection leads to, directly or through other
 * connections: the only nodes whose guard is not empty.
 */
function downstreamOfConditionals(ctx: ValidationContext): Int32Array {
  const reached = new Uint8Array(ctx.nodeCount);
  const queue = new Int32Array(ctx.nodeCount); // each node at most once
  let queued = 0;
  const reach = (node: number) => {
    if (node >= 0 && !reached[node]) {
      reached[node] = 1;
      queue[queued++] = node;
    }
  };
  for (const c of ctx.conditionalConnections) if (ctx.sourceOf(c) >= 0) reach(ctx.targetOf(c));
  for (let i = 0; i < queued; i++) for (let c = ctx.firstOutgoing(queue[i]); c >= 0; c = ctx.nextOutgoing(c)) reach(ctx.targetOf(c));
  return queue.subarray(0, queued);
}

/**
 * The given nodes (indexes) in topological order over the connections between them (Kahn's
 * algorithm); nodes on or behind a cycle are left out. Nodes outside the set have an empty guard,
 * so they need no order.
 */
function topologicalOrder(ctx: ValidationContext, nodes: Int32Array): Int32Array {
  const indegree = new Int32Array(ctx.nodeCount).fill(-1); // -1: not in the set
  for (const node of nodes) indegree[node] = 0;
  for (const node of nodes) {
    for (let c = ctx.firstOutgoing(node); c >= 0; c = ctx.nextOutgoing(c)) {
      const target = ctx.targetOf(c);
      if (target >= 0 && indegree[target] >= 0) indegree[target]++;
    }
  }
  const order = new Int32Array(nodes.length); // each node at most once
  let ordered = 0;
  for (const node of nodes) if (indegree[node] === 0) order[ordered++] = node;
  for (let i = 0; i < ordered; i++) {
    for (let c = ctx.firstOutgoing(order[i]); c >= 0; c = ctx.nextOutgoing(c)) {
      const target = ctx.targetOf(c);
      if (target >= 0 && indegree[target] > 0 && --indegree[target] === 0) order[ordered++] = target;
    }
  }
  return order.subarray(0, ordered);
}
