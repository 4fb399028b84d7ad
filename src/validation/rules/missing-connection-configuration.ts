import { FlowValidationRule, RuleFinding, ValidationContext } from '../context';
import { isAbsent, isObject } from '../helpers';
import { FlowValidationSeverity } from '../types';

/**
 * MissingConnectionConfiguration: a connection's `configuration` has exactly the member that
 * matches its type — `data: { sourceOutput, targetInput }` for Data, `conditional: { condition }`
 * for Conditional.
 */
export const missingConnectionConfiguration: FlowValidationRule = {
  type: 'MissingConnectionConfiguration',
  severity: FlowValidationSeverity.ERROR,
  check(ctx: ValidationContext): RuleFinding[] {
    const findings: RuleFinding[] = [];
    for (const c of ctx.connections) {
      if (c.type !== 'Data' && c.type !== 'Conditional') continue; // InvalidEnumValue
      const config = c.configuration as unknown;
      if (ctx.isUnresolved(config)) continue;
      const key = c.type === 'Data' ? 'data' : 'conditional';
      const shape = c.type === 'Data' ? "{ data: { sourceOutput: '<output of the source>', targetInput: '<input of the target>' } }"
        : "{ conditional: { condition: '<condition of the source Condition node>' } }";
      const what = `${c.type} connection '${c.name}' (${c.source} → ${c.target})`;
      if (!isObject(config) || !isObject(config[key])) {
        const other = isObject(config) && isObject(config[key === 'data' ? 'conditional' : 'data']);
        findings.push({
          connection: c.name,
          message: `${what} has ${other ? `a '${key === 'data' ? 'conditional' : 'data'}' configuration, which does not match its type` : `no '${key}' configuration`}: `
            + `set configuration to ${shape}${other ? ', or change its type' : ''}`,
        });
        continue;
      }
      const extra = hasOtherKey(config, key) ? Object.keys(config).filter(k => k !== key) : [];
      if (extra.length > 0) {
        findings.push({ connection: c.name, message: `the configuration of ${what} has ${extra.map(e => `'${e}'`).join(', ')} besides '${key}': remove it` });
      }
      const member = config[key];
      const fields = c.type === 'Data' ? ['sourceOutput', 'targetInput'] : ['condition'];
      for (const field of fields) {
        if (isAbsent(member[field])) {
          findings.push({ connection: c.name, message: `${what} has no configuration.${key}.${field}: set configuration to ${shape}` });
        }
      }
    }
    return findings;
  },
};

function hasOtherKey(object: object, key: string): boolean {
  for (const k in object) if (k !== key) return true;
  return false;
}
