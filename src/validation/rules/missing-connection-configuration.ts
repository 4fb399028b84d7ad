import { FlowConnectionJson } from '../../definition/schema';
import { ConnectionEntry, FlowValidationRule, Report, ValidationContext } from '../context';
import { connectionLabel, isAbsent, isObject } from '../helpers';
import { FlowValidationSeverity } from '../types';

const DATA_FIELDS = ['sourceOutput', 'targetInput'];
const CONDITIONAL_FIELDS = ['condition'];

/**
 * MissingConnectionConfiguration: a connection's `configuration` has exactly the member that
 * matches its type — `data: { sourceOutput, targetInput }` for Data, `conditional: { condition }`
 * for Conditional.
 */
export const missingConnectionConfiguration: FlowValidationRule = {
  type: 'MissingConnectionConfiguration',
  severity: FlowValidationSeverity.ERROR,
  connection({ connection: c }: ConnectionEntry, ctx: ValidationContext, report: Report): void {
    if (c.type !== 'Data' && c.type !== 'Conditional') return; // InvalidEnumValue
    const config = c.configuration as unknown;
    if (ctx.isUnresolved(config)) return;
    const key = c.type === 'Data' ? 'data' : 'conditional';
    if (!isObject(config) || !isObject(config[key])) {
      const other = isObject(config) && isObject(config[key === 'data' ? 'conditional' : 'data']);
      report({
        connection: c.name,
        message: `${describe(c)} has ${other ? `a '${key === 'data' ? 'conditional' : 'data'}' configuration, which does not match its type` : `no '${key}' configuration`}: `
          + `set configuration to ${shape(c)}${other ? ', or change its type' : ''}`,
      });
      return;
    }
    if (hasOtherKey(config, key)) {
      report({ connection: c.name, message: `the configuration of ${describe(c)} has ${otherKeys(config, key)} besides '${key}': remove it` });
    }
    const member = config[key];
    for (const field of c.type === 'Data' ? DATA_FIELDS : CONDITIONAL_FIELDS) {
      if (isAbsent(member[field])) {
        report({ connection: c.name, message: `${describe(c)} has no configuration.${key}.${field}: set configuration to ${shape(c)}` });
      }
    }
  },
};

/** `Data connection 'X' (A → B)`, for messages. */
function describe(c: FlowConnectionJson): string {
  return `${c.type} ${connectionLabel(c)}`;
}

/** The configuration a connection of this type needs, for messages. */
function shape(c: FlowConnectionJson): string {
  return c.type === 'Data' ? "{ data: { sourceOutput: '<output of the source>', targetInput: '<input of the target>' } }"
    : "{ conditional: { condition: '<condition of the source Condition node>' } }";
}

/**
 * `'a', 'b'`: the keys of an object but one, for messages. A function of its own: a closure over `key`
 * in the check would make every call allocate a context for it, findings or not.
 */
function otherKeys(object: object, key: string): string {
  return Object.keys(object).filter(k => k !== key).map(k => `'${k}'`).join(', ');
}

function hasOtherKey(object: object, key: string): boolean {
  for (const k in object) if (k !== key) return true;
  return false;
}
