import { CONNECTION_NAME_PATTERN } from '../../private/names';
import { ConnectionEntry, FlowValidationRule, Report, ValidationContext } from '../context';
import { FlowValidationSeverity } from '../types';

/**
 * Schema check: connection names match `[a-zA-Z]([_]?[0-9a-zA-Z]){1,100}` and are unique. Invalid
 * names are found connection by connection; repeated names once every connection is indexed.
 */
export const invalidConnectionName: FlowValidationRule = {
  type: 'InvalidConnectionName',
  severity: FlowValidationSeverity.ERROR,
  connection({ connection: c, index }: ConnectionEntry, ctx: ValidationContext, report: Report): void {
    if (!hasValidName(c.name, ctx)) {
      report({
        connection: typeof c.name === 'string' ? c.name : undefined,
        message: `connection #${index + 1} (${c.source} → ${c.target}) has an invalid name ${typeof c.name === 'string' ? `'${c.name}'` : '(missing)'}: `
          + 'use letters, digits and single underscores between them, starting with a letter, at most 101 letters and digits',
      });
    }
  },
  scope(ctx: ValidationContext, report: Report): void {
    for (const position of ctx.repeatedConnectionNames()) {
      const { name } = ctx.connectionJson(position);
      if (!hasValidName(name, ctx)) continue; // reported as invalid
      report({ connection: name, message: `connection name '${name}' is used more than once; give each connection its own name` });
    }
  },
};

/** Whether a connection's name is a string of the pattern (or a token, checked at deploy time). */
function hasValidName(name: unknown, ctx: ValidationContext): name is string {
  return typeof name === 'string' && (ctx.isUnresolved(name) || CONNECTION_NAME_PATTERN.test(name));
}
