import { ConnectionEntry, FlowValidationRule, Report, ValidationContext } from '../context';
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
  connection(entry: ConnectionEntry, _ctx: ValidationContext, report: Report): void {
    const { source, target, sourceOutput, targetInput, condition } = entry;
    if (!source || !target) return;
    if (sourceOutput !== undefined && targetInput !== undefined) {
      // identical data connections feed the same input
      const earlier = earlierOf(target.incoming, entry, true);
      if (earlier) reportRepeat(entry, earlier, `output '${sourceOutput}' to input '${targetInput}'`, report);
    } else if (condition !== undefined) {
      // identical conditional connections leave the same node
      const earlier = earlierOf(source.outgoing, entry, false);
      if (earlier) reportRepeat(entry, earlier, `condition '${condition}'`, report);
    }
  },
};

/** The first connections of each key, for the lists too long to search (no valid flow has one). */
const firstByKey = new WeakMap<readonly ConnectionEntry[], Map<string, ConnectionEntry>>();

/**
 * The first connection of `list` before `entry` that carries the same as `entry`: the same output to the
 * same input (`data`, in the target's incoming list), or the same condition to the same node (in the
 * source's outgoing list). A node has a few connections, so its list is searched; a list longer than 16
 * is indexed by key instead, once, and then kept up to date (the rule sees the connections in order).
 */
function earlierOf(list: readonly ConnectionEntry[], entry: ConnectionEntry, data: boolean): ConnectionEntry | undefined {
  if (list.length <= 16) {
    for (const c of list) if (c.index < entry.index && carriesTheSame(c, entry, data)) return c;
    return undefined;
  }
  let first = firstByKey.get(list);
  if (!first) {
    first = new Map();
    for (const c of list) {
      const k = c.index < entry.index ? keyOf(c, data) : undefined;
      if (k !== undefined && !first.has(k)) first.set(k, c);
    }
    firstByKey.set(list, first);
  }
  const k = keyOf(entry, data)!;
  const earlier = first.get(k);
  if (!earlier) first.set(k, entry);
  return earlier;
}

function carriesTheSame(c: ConnectionEntry, entry: ConnectionEntry, data: boolean): boolean {
  return data
    ? c.source === entry.source && c.sourceOutput === entry.sourceOutput && c.targetInput === entry.targetInput
    : c.target === entry.target && c.condition === entry.condition;
}

/** What `carriesTheSame` compares, as one key; undefined for a connection that carries nothing comparable (or comes from no node). */
function keyOf(c: ConnectionEntry, data: boolean): string | undefined {
  if (data) return c.source && c.sourceOutput !== undefined && c.targetInput !== undefined ? `${c.source.index} ${c.sourceOutput} ${c.targetInput}` : undefined;
  return c.target && c.condition !== undefined ? `${c.target.index} ${c.condition}` : undefined;
}

function reportRepeat({ connection: c }: ConnectionEntry, { connection: earlier }: ConnectionEntry, carries: string, report: Report): void {
  report({
    connection: c.name,
    node: c.target,
    message: `connection '${c.name}' repeats connection '${earlier.name}' (${c.source} → ${c.target}, ${carries}): remove one of them`,
  });
}
