import { CONNECTION_NAME_PATTERN } from '../../private/names';
import { ConnectionEntry, FlowValidationRule, Report, ValidationContext } from '../context';
import { FlowValidationSeverity } from '../types';

/**
 * Schema check: connection names match `[a-zA-Z]([_]?[0-9a-zA-Z]){1,100}` and are unique.
 */
export const invalidConnectionName: FlowValidationRule = {
  type: 'InvalidConnectionName',
  severity: FlowValidationSeverity.ERROR,
  connection({ connection: c, index, isNamed }: ConnectionEntry, ctx: ValidationContext, report: Report): void {
    if (typeof c.name !== 'string' || (!ctx.isUnresolved(c.name) && !CONNECTION_NAME_PATTERN.test(c.name))) {
      report({
        connection: typeof c.name === 'string' ? c.name : undefined,
        message: `connection #${index + 1} (${c.source} → ${c.target}) has an invalid name ${typeof c.name === 'string' ? `'${c.name}'` : '(missing)'}: `
          + 'use letters, digits and single underscores between them, starting with a letter, at most 101 letters and digits',
      });
    } else if (!isNamed) {
      report({ connection: c.name, message: `connection name '${c.name}' is used more than once; give each connection its own name` });
    }
  },
};
