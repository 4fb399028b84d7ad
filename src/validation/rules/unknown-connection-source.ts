import { ConnectionEntry, FlowValidationRule, Report, ValidationContext } from '../context';
import { FlowValidationSeverity } from '../types';

/**
 * UnknownConnectionSource: a connection's `source` must name a node of the same definition.
 */
export const unknownConnectionSource: FlowValidationRule = {
  type: 'UnknownConnectionSource',
  severity: FlowValidationSeverity.ERROR,
  connection({ connection: c, source }: ConnectionEntry, ctx: ValidationContext, report: Report): void {
    // not a string: MalformedDefinition; a node of another scope: InvalidLoopBoundary
    if (source || typeof c.source !== 'string' || ctx.isUnresolved(c.source) || ctx.otherScopeOf(c.source)) return;
    report({
      connection: c.name,
      message: `connection '${c.name}' comes from '${c.source}', which is not a node of ${ctx.scopeLabel}: fix the source name or add the node`,
    });
  },
};
