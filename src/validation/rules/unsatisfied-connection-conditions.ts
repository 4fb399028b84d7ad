import { ConnectionEntry, FlowValidationRule, NodeEntry, Report, ValidationContext } from '../context';
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
  readonly connection: ConnectionEntry;
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
    const guards: (Guard | undefined)[] = new Array(ctx.nodes.length);
    for (const node of topologicalOrder(ctx, downstreamOfConditionals(ctx))) {
      let conditionals = 0;
      for (const c of node.incoming) if (c.type === 'Conditional' && c.source) conditionals++;
      const contributions: Contribution[] = [];
      let never = false;
      for (const c of node.incoming) {
        if (!c.source) continue;
        const g = guards[c.source.index] ?? EMPTY;
        if (g === NEVER) {
          never = true; // reported where it started
          continue;
        }
        if (g !== EMPTY) g.pending--;
        if (c.type === 'Data') {
          contributions.push({ connection: c, guard: g });
        } else if (c.condition !== undefined && conditionals === 1) {
          contributions.push({ connection: c, guard: g, adds: [c.connection.source, { condition: c.condition, via: c.connection.name }] });
        }
      }
      const merged = never ? undefined : merge(contributions, ({ connection: c }, conditionNode, held, needed) => report({
        node: node.name,
        connection: c.name,
        message: `node '${node.name}' can never run: through connection '${c.name}' it needs condition '${needed.condition}' of Condition node `
          + `'${conditionNode}' (connection '${needed.via}'), and through its other inputs condition '${held.condition}' (connection '${held.via}'); `
          + `only one condition of '${conditionNode}' holds at a time: give each branch its own copy of '${node.name}'`,
      }));
      guards[node.index] = merged ?? NEVER;
      if (merged !== undefined && merged !== EMPTY) {
        for (const c of node.outgoing) if (c.target) merged.pending++;
      }
    }
  },
};

/**
 * The union of the contributions; undefined (after reporting) when two need different conditions
 * of one Condition node. Starts from the largest guard, which is changed in place when no other
 * connection will read it, and copied otherwise.
 */
function merge(
  contributions: Contribution[],
  report: (c: ConnectionEntry, conditionNode: string, held: Need, needed: Need) => void,
): Guard | undefined {
  let base = -1;
  contributions.forEach((c, i) => { if (base < 0 || c.guard.needs.size > contributions[base].guard.needs.size) base = i; });
  if (base < 0) return EMPTY;
  let result = contributions[base].guard;
  let owned = result !== EMPTY && result.pending === 0;
  const add = (c: ConnectionEntry, conditionNode: string, need: Need): boolean => {
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
 * The nodes a conditional connection leads to, directly or through other connections: the only
 * nodes whose guard is not empty.
 */
function downstreamOfConditionals(ctx: ValidationContext): NodeEntry[] {
  const reached = new Uint8Array(ctx.nodes.length);
  const queue: NodeEntry[] = [];
  const reach = (node: NodeEntry | undefined) => {
    if (node && !reached[node.index]) {
      reached[node.index] = 1;
      queue.push(node);
    }
  };
  for (const c of ctx.conditionalConnections) if (c.source) reach(c.target);
  for (let i = 0; i < queue.length; i++) for (const c of queue[i].outgoing) reach(c.target);
  return queue;
}

/**
 * The given nodes in topological order over the connections between them (Kahn's algorithm); nodes
 * on or behind a cycle are left out. Nodes outside the set have an empty guard, so they need no order.
 */
function topologicalOrder(ctx: ValidationContext, nodes: NodeEntry[]): NodeEntry[] {
  const indegree = new Int32Array(ctx.nodes.length).fill(-1); // -1: not in the set
  for (const node of nodes) indegree[node.index] = 0;
  for (const node of nodes) {
    for (const { target } of node.outgoing) if (target && indegree[target.index] >= 0) indegree[target.index]++;
  }
  const order = nodes.filter(node => indegree[node.index] === 0);
  for (let i = 0; i < order.length; i++) {
    for (const { target } of order[i].outgoing) {
      if (target && indegree[target.index] > 0 && --indegree[target.index] === 0) order.push(target);
    }
  }
  return order;
}
