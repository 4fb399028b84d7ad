import { FlowValidationRule, RuleFinding, ValidationContext } from '../context';
import { FlowValidationSeverity } from '../types';

/**
 * UnknownConnectionTarget: a connection's `target` must name a node of the same definition.
 */
export const unknownConnectionTarget: FlowValidationRule = {
  type: 'UnknownConnectionTarget',
  severity: FlowValidationSeverity.ERROR,
  check(ctx: ValidationContext): RuleFinding[] {
    return ctx.connections
      // not a string: MalformedDefinition; a node of another scope: InvalidLoopBoundary
      .filter(c => typeof c.target === 'string' && !ctx.isUnresolved(c.target) && !ctx.nodeByName.has(c.target) && !ctx.otherScopeOf(c.target))
      .map(c => ({
        connection: c.name,
        message: `connection '${c.name}' goes to '${c.target}', which is not a node of ${ctx.scopeLabel}: fix the target name or add the node`,
      }));
  },
};
