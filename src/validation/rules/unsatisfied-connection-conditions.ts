import { FlowConnectionJson } from '../../definition/schema';
import { FlowValidationRule, RuleFinding, ValidationContext } from '../context';
import { FlowValidationSeverity } from '../types';

/** What a node needs of one Condition node: the condition, and the conditional connection that set it. */
interface Need {
  readonly condition: string;
  readonly via: string;
}

/** For each Condition node a node depends on, what it needs of it. */
type Guard = Map<string, Need>;

/** What one connection brings into a node: the source's guard, and for a conditional connection its condition. */
interface Contribution {
  readonly connection: FlowConnectionJson;
  readonly guard: Guard;
  readonly adds?: readonly [string, Need];
}

const EMPTY: Guard = new Map();

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
  check(ctx: ValidationContext): RuleFinding[] {
    const findings: RuleFinding[] = [];
    const guards = new Map<string, Guard | 'never'>();
    /** how many connections still have to read each guard */
    const pending = new Map<Guard, number>();
    const readers = (name: string) => {
      let n = 0;
      for (const c of ctx.outgoing.get(name) ?? []) if (ctx.nodeByName.has(c.target)) n++;
      return n;
    };

    for (const name of topologicalOrder(ctx, downstreamOfConditionals(ctx))) {
      const incoming = ctx.incoming.get(name) ?? [];
      let conditionals = 0;
      for (const c of incoming) if (c.type === 'Conditional' && ctx.nodeByName.has(c.source)) conditionals++;
      const contributions: Contribution[] = [];
      let never = false;
      for (const c of incoming) {
        if (!ctx.nodeByName.has(c.source)) continue;
        const g = guards.get(c.source) ?? EMPTY;
        if (g === 'never') {
          never = true; // reported where it started
          continue;
        }
        if (g !== EMPTY) pending.set(g, (pending.get(g) ?? 1) - 1);
        const condition = c.configuration?.conditional?.condition;
        if (c.type === 'Data') {
          contributions.push({ connection: c, guard: g });
        } else if (c.type === 'Conditional' && conditionals === 1 && typeof condition === 'string') {
          contributions.push({ connection: c, guard: g, adds: [c.source, { condition, via: c.name }] });
        }
      }
      const merged = never ? undefined : merge(contributions, pending, (c, conditionNode, held, needed) => findings.push({
        node: name,
        connection: c.name,
        message: `node '${name}' can never run: through connection '${c.name}' it needs condition '${needed.condition}' of Condition node `
          + `'${conditionNode}' (connection '${needed.via}'), and through its other inputs condition '${held.condition}' (connection '${held.via}'); `
          + `only one condition of '${conditionNode}' holds at a time: give each branch its own copy of '${name}'`,
      }));
      if (merged === undefined) {
        guards.set(name, 'never');
      } else {
        guards.set(name, merged);
        if (merged !== EMPTY) pending.set(merged, (pending.get(merged) ?? 0) + readers(name));
      }
    }
    return findings;
  },
};

/**
 * The union of the contributions; undefined (after reporting) when two need different conditions
 * of one Condition node. Starts from the largest guard, which is changed in place when no other
 * connection will read it, and copied otherwise.
 */
function merge(
  contributions: Contribution[],
  pending: Map<Guard, number>,
  report: (c: FlowConnectionJson, conditionNode: string, held: Need, needed: Need) => void,
): Guard | undefined {
  let base = -1;
  contributions.forEach((c, i) => { if (base < 0 || c.guard.size > contributions[base].guard.size) base = i; });
  if (base < 0) return EMPTY;
  let result = contributions[base].guard;
  let owned = result !== EMPTY && pending.get(result) === 0;
  const add = (c: FlowConnectionJson, conditionNode: string, need: Need): boolean => {
    const held = result.get(conditionNode);
    if (held === undefined) {
      if (!owned) {
        result = new Map(result);
        owned = true;
      }
      result.set(conditionNode, need);
    } else if (held.condition !== need.condition) {
      report(c, conditionNode, held, need);
      return false;
    }
    return true;
  };
  for (let i = 0; i < contributions.length; i++) {
    const { connection, guard, adds } = contributions[i];
    if (i !== base && guard !== contributions[base].guard) {
      for (const [conditionNode, need] of guard) {
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
function downstreamOfConditionals(ctx: ValidationContext): Set<string> {
  const reached = new Set<string>();
  const queue: string[] = [];
  for (const c of ctx.connections) {
    if (c.type === 'Conditional' && ctx.nodeByName.has(c.source) && ctx.nodeByName.has(c.target) && !reached.has(c.target)) {
      reached.add(c.target);
      queue.push(c.target);
    }
  }
  for (let i = 0; i < queue.length; i++) {
    for (const c of ctx.outgoing.get(queue[i]) ?? []) {
      if (ctx.nodeByName.has(c.target) && !reached.has(c.target)) {
        reached.add(c.target);
        queue.push(c.target);
      }
    }
  }
  return reached;
}

/**
 * The given nodes in topological order over the connections between them (Kahn's algorithm); nodes
 * on or behind a cycle are left out. Nodes outside the set have an empty guard, so they need no order.
 */
function topologicalOrder(ctx: ValidationContext, nodes: Set<string>): string[] {
  const indegree = new Map<string, number>();
  for (const name of nodes) indegree.set(name, 0);
  for (const name of nodes) {
    for (const c of ctx.outgoing.get(name) ?? []) {
      const d = indegree.get(c.target);
      if (d !== undefined) indegree.set(c.target, d + 1);
    }
  }
  const order: string[] = [];
  for (const [name, d] of indegree) if (d === 0) order.push(name);
  for (let i = 0; i < order.length; i++) {
    for (const c of ctx.outgoing.get(order[i]) ?? []) {
      const d = indegree.get(c.target);
      if (d === undefined) continue;
      indegree.set(c.target, d - 1);
      if (d === 1) order.push(c.target);
    }
  }
  return order;
}
