import { FlowConnectionJson, FlowNodeJson } from '../../definition/schema';
import { ConnectionEntry, FlowValidationRule, NodeEntry, Report, ValidationContext } from '../context';
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
  node({ node }: NodeEntry, ctx: ValidationContext, report: Report): void {
    checkPorts(node, 'inputs', ctx, report);
    checkPorts(node, 'outputs', ctx, report);
  },
  connection({ connection: c, index }: ConnectionEntry, ctx: ValidationContext, report: Report): void {
    checkEnd(c, index, 'source', ctx, report);
    checkEnd(c, index, 'target', ctx, report);
  },
  scope(ctx: ValidationContext, report: Report): void {
    checkList(ctx, 'nodes', report);
    checkList(ctx, 'connections', report);
  },
};

/** Checks that the scope's `nodes` or `connections` is an array of objects. */
function checkList(ctx: ValidationContext, key: 'nodes' | 'connections', report: Report): void {
  const list = ctx.definition[key] as unknown;
  if (list === undefined || ctx.isUnresolved(list)) return;
  const what = key === 'nodes' ? 'node' : 'connection';
  if (!Array.isArray(list)) {
    report({ message: `'${key}' of ${ctx.scopeLabel} is ${show(list)}, not an array: make it a list of ${what} objects` });
    return;
  }
  for (let i = 0; i < list.length; i++) {
    if (!isObject(list[i]) && !ctx.isUnresolved(list[i])) {
      report({ message: `${what} #${i + 1} of ${ctx.scopeLabel} is ${show(list[i])}, not an object: remove it or write it as an object` });
    }
  }
}

/** Checks that a node's `inputs` or `outputs` is an array of objects. */
function checkPorts(node: FlowNodeJson, key: 'inputs' | 'outputs', ctx: ValidationContext, report: Report): void {
  const list = node[key] as unknown;
  if (list === undefined || ctx.isUnresolved(list)) return;
  const shape = key === 'inputs' ? '{ name, type, expression }' : '{ name, type }';
  if (!Array.isArray(list)) {
    report({ node: node.name, message: `'${key}' of node '${node.name}' is ${show(list)}, not an array: make it a list of ${shape} objects` });
    return;
  }
  for (let i = 0; i < list.length; i++) {
    if (!isObject(list[i]) && !ctx.isUnresolved(list[i])) {
      report({ node: node.name, message: `${key.slice(0, -1)} #${i + 1} of node '${node.name}' is ${show(list[i])}, not an object: write it as ${shape}` });
    }
  }
}

/** Checks that a connection names its `source` or `target`. */
function checkEnd(c: FlowConnectionJson, index: number, key: 'source' | 'target', ctx: ValidationContext, report: Report): void {
  if (typeof c[key] === 'string' || ctx.isUnresolved(c[key])) return;
  report({
    connection: typeof c.name === 'string' ? c.name : undefined,
    message: `connection ${typeof c.name === 'string' ? `'${c.name}'` : `#${index + 1}`} of ${ctx.scopeLabel} has no ${key} `
      + `(${show(c[key])}): set '${key}' to the name of a node`,
  });
}
