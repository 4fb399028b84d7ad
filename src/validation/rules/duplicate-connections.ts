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
  // the nodes' lists hold the connections up to this one: the first of a repeated pair is there
  connection(entry: ConnectionEntry, _ctx: ValidationContext, report: Report): void {
    const { source, target, sourceOutput, targetInput, condition } = entry;
    if (!source || !target) return;
    if (sourceOutput !== undefined && targetInput !== undefined) {
      // identical data connections feed the same input
      const earlier = target.incoming.find(c => c !== entry && c.targetInput === targetInput && c.source === source
        && c.sourceOutput === sourceOutput);
      if (earlier) reportRepeat(entry, earlier, `output '${sourceOutput}' to input '${targetInput}'`, report);
    } else if (condition !== undefined) {
      // identical conditional connections leave the same node
      const earlier = source.outgoing.find(c => c !== entry && c.condition === condition && c.target === target);
      if (earlier) reportRepeat(entry, earlier, `condition '${condition}'`, report);
    }
  },
};

function reportRepeat({ connection: c }: ConnectionEntry, { connection: earlier }: ConnectionEntry, carries: string, report: Report): void {
  report({
    connection: c.name,
    node: c.target,
    message: `connection '${c.name}' repeats connection '${earlier.name}' (${c.source} → ${c.target}, ${carries}): remove one of them`,
  });
}
