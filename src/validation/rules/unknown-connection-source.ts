import { FlowValidationRule, RuleFinding, ValidationContext } from '../context';
import { FlowValidationSeverity } from '../types';

/**
 * UnknownConnectionSource: a connection's `source` must name a node of the same definition.
 */
export const unknownConnectionSource: FlowValidationRule = {
  type: 'UnknownConnectionSource',
  severity: FlowValidationSeverity.ERROR,
  check(ctx: ValidationContext): RuleFinding[] {
    return ctx.connections
      // not a string: MalformedDefinition; a node of another scope: InvalidLoopBoundary
      .filter(c => typeof c.source === 'string' && !ctx.isUnresolved(c.source) && !ctx.nodeByName.has(c.source) && !ctx.otherScopeOf(c.source))
      .map(c => ({
        connection: c.name,
        message: `connection '${c.name}' comes from '${c.source}', which is not a node of ${ctx.scopeLabel}: fix the source name or add the node`,
      }));
  },
};
