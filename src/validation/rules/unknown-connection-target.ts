import { ConnectionEntry, FlowValidationRule, Report, ValidationContext } from '../context';
import { FlowValidationSeverity } from '../types';

/**
 * UnknownConnectionTarget: a connection's `target` must name a node of the same definition.
 */
export const unknownConnectionTarget: FlowValidationRule = {
  type: 'UnknownConnectionTarget',
  severity: FlowValidationSeverity.ERROR,
  connection({ connection: c, target }: ConnectionEntry, ctx: ValidationContext, report: Report): void {
    // not a string: MalformedDefinition; a node of another scope: InvalidLoopBoundary
    if (target || typeof c.target !== 'string' || ctx.isUnresolved(c.target) || ctx.otherScopeOf(c.target)) return;
    report({
      connection: c.name,
      message: `connection '${c.name}' goes to '${c.target}', which is not a node of ${ctx.scopeLabel}: fix the target name or add the node`,
    });
  },
};
