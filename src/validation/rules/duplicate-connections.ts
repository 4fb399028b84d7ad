import { FlowConnectionJson } from '../../definition/schema';
import { ConnectionEntry, FlowValidationRule, NodeEntry, Report, ValidationContext } from '../context';
import { FlowValidationSeverity } from '../types';

/**
 * DuplicateConnections: two connections between the same nodes that carry the same thing — the
 * same output to the same input, or the same condition. (Several connections between one pair of
 * nodes on different ports are fine.) A warning: what exactly the service counts as duplicate is
 * not documented.
 */
export const duplicateConnections: FlowValidationRule = {
  type: 'DuplicateConnections',
  severity: FlowValidationSeverity.WARNING,
  // the nodes' lists hold the connections up to this one (and a few after it): the first of a repeated pair is there
  connection(entry: ConnectionEntry, ctx: ValidationContext, report: Report): void {
    const { source, target, sourceOutput, targetInput, condition } = entry;
    if (!source || !target) return;
    if (sourceOutput !== undefined && targetInput !== undefined) {
      // identical data connections feed the same input
      const earlier = earlierOf(ctx, target, entry, true);
      if (earlier !== undefined) reportRepeat(entry, ctx.connectionJson(earlier), `output '${sourceOutput}' to input '${targetInput}'`, report);
    } else if (condition !== undefined) {
      // identical conditional connections leave the same node
      const earlier = earlierOf(ctx, source, entry, false);
      if (earlier !== undefined) reportRepeat(entry, ctx.connectionJson(earlier), `condition '${condition}'`, report);
    }
  },
};

/**
 * The first connections of each key, by node index, for the nodes with too many connections to
 * search (no valid flow has one): into each node, and out of each node.
 */
type FirstByKey = WeakMap<ValidationContext, Map<number, Map<string, number>>>;
const firstByKey: [FirstByKey, FirstByKey] = [new WeakMap(), new WeakMap()];

/** How many connections of a node's list are searched in order; past this, they are indexed by key. */
const SEARCHED = 16;

/**
 * The position of the first connection before `entry` that carries the same as `entry`: the same
 * output to the same input (`data`, among the connections into `node`, its target), or the same
 * condition to the same node (among the connections out of `node`, its source). A node has a few
 * connections, so its list is searched; a list longer than 16 is indexed by key instead, once, and
 * then kept up to date (the rule sees the connections in order).
 */
function earlierOf(ctx: ValidationContext, node: NodeEntry, entry: ConnectionEntry, data: boolean): number | undefined {
  const first = data ? ctx.firstIncoming(node.index) : ctx.firstOutgoing(node.index);
  let length = 0;
  for (let c = first; c >= 0 && length <= SEARCHED; c = following(ctx, c, data)) length++;
  if (length <= SEARCHED) {
    for (let c = first; c >= 0 && c < entry.index; c = following(ctx, c, data)) {
      if (carriesTheSame(ctx, c, entry, data)) return c;
    }
    return undefined;
  }
  let byNode = firstByKey[data ? 0 : 1].get(ctx);
  if (!byNode) firstByKey[data ? 0 : 1].set(ctx, byNode = new Map());
  let byKey = byNode.get(node.index);
  if (!byKey) {
    byKey = new Map();
    for (let c = first; c >= 0 && c < entry.index; c = following(ctx, c, data)) {
      const k = keyOf(ctx.connection(c), data);
      if (k !== undefined && !byKey.has(k)) byKey.set(k, c);
    }
    byNode.set(node.index, byKey);
  }
  const k = keyOf(entry, data)!;
  const earlier = byKey.get(k);
  if (earlier === undefined) byKey.set(k, entry.index);
  return earlier;
}

/** The connection after the one at position `c` in its target's list (`data`), or in its source's. */
function following(ctx: ValidationContext, c: number, data: boolean): number {
  return data ? ctx.nextIncoming(c) : ctx.nextOutgoing(c);
}

/** Whether the connection at position `c` carries the same as `entry` (see `earlierOf`; both share `entry`'s target, or its source). */
function carriesTheSame(ctx: ValidationContext, c: number, entry: ConnectionEntry, data: boolean): boolean {
  if (data) {
    return ctx.sourceOf(c) === entry.source!.index && ctx.hasTargetInput(c)
      && ctx.sourceOutputOf(c) === entry.sourceOutput && ctx.targetInputOf(c) === entry.targetInput;
  }
  return ctx.targetOf(c) === entry.target!.index && ctx.conditionOf(c) === entry.condition;
}

/** What `carriesTheSame` compares, as one key; undefined for a connection that carries nothing comparable (or comes from no node). */
function keyOf(c: ConnectionEntry, data: boolean): string | undefined {
  if (data) return c.source && c.sourceOutput !== undefined && c.targetInput !== undefined ? `${c.source.index} ${c.sourceOutput} ${c.targetInput}` : undefined;
  return c.target && c.condition !== undefined ? `${c.target.index} ${c.condition}` : undefined;
}

function reportRepeat({ connection: c }: ConnectionEntry, earlier: FlowConnectionJson, carries: string, report: Report): void {
  report({
    connection: c.name,
    node: c.target,
    message: `connection '${c.name}' repeats connection '${earlier.name}' (${c.source} → ${c.target}, ${carries}): remove one of them`,
  });
}
