import { FlowValidationRule, RuleFinding, ValidationContext } from '../context';
import { FlowValidationSeverity } from '../types';

/**
 * UnknownConnectionSource: a connection's `source` must name a node of the same definition.
 */
export const unknownConnectionSource: FlowValidationRule = {
  type: 'UnknownConnectionSource',
  severity: FlowValidationSeverity.ERROR,
  check(ctx: ValidationContext): RuleFinding[] {
    return ctx.connections.filter(c => !ctx.nodeByName.has(c.source)).map(c => ({
      connection: c.name,
      message: `connection '${c.name}' comes from '${c.source}', which is not a node of ${ctx.scopeLabel}: fix the source name or add the node`,
    }));
  },
};
