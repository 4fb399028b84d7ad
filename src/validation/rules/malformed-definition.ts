import { FlowValidationRule, RuleFinding, ValidationContext } from '../context';
import { isObject, show } from '../helpers';
import { FlowValidationSeverity } from '../types';

/**
 * Schema check: the shape of a definition — `nodes` and `connections` are arrays of objects, a
 * node's `inputs` and `outputs` are arrays of objects, and a connection names its `source` and
 * `target`. Entries that fail this are left out of the other checks.
 */
export const malformedDefinition: FlowValidationRule = {
  type: 'MalformedDefinition',
  severity: FlowValidationSeverity.ERROR,
  check(ctx: ValidationContext): RuleFinding[] {
    const findings: RuleFinding[] = [];
    const def = ctx.definition as any;
    for (const key of ['nodes', 'connections']) {
      const list = def[key];
      if (list === undefined || ctx.isUnresolved(list)) continue;
      if (!Array.isArray(list)) {
        findings.push({ message: `'${key}' of ${ctx.scopeLabel} is ${show(list)}, not an array: make it a list of ${key === 'nodes' ? 'node' : 'connection'} objects` });
        continue;
      }
      list.forEach((item, index) => {
        if (!isObject(item) && !ctx.isUnresolved(item)) {
          findings.push({ message: `${key === 'nodes' ? 'node' : 'connection'} #${index + 1} of ${ctx.scopeLabel} is ${show(item)}, not an object: remove it or write it as an object` });
        }
      });
    }
    for (const node of ctx.nodes) {
      for (const key of ['inputs', 'outputs'] as const) {
        const list = node[key] as unknown;
        if (list === undefined || ctx.isUnresolved(list)) continue;
        if (!Array.isArray(list)) {
          findings.push({ node: node.name, message: `'${key}' of node '${node.name}' is ${show(list)}, not an array: make it a list of { name, type${key === 'inputs' ? ', expression' : ''} } objects` });
          continue;
        }
        list.forEach((item, index) => {
          if (!isObject(item) && !ctx.isUnresolved(item)) {
            findings.push({ node: node.name, message: `${key.slice(0, -1)} #${index + 1} of node '${node.name}' is ${show(item)}, not an object: write it as { name, type${key === 'inputs' ? ', expression' : ''} }` });
          }
        });
      }
    }
    ctx.connections.forEach((c, index) => {
      for (const key of ['source', 'target'] as const) {
        if (typeof c[key] !== 'string' && !ctx.isUnresolved(c[key])) {
          findings.push({
            connection: typeof c.name === 'string' ? c.name : undefined,
            message: `connection ${typeof c.name === 'string' ? `'${c.name}'` : `#${index + 1}`} of ${ctx.scopeLabel} has no ${key} `
              + `(${show(c[key])}): set '${key}' to the name of a node`,
          });
        }
      }
    });
    return findings;
  },
};
