import { FlowValidationRule, NodeEntry, Report, ValidationContext } from '../context';
import { isObject } from '../helpers';
import { FlowValidationSeverity } from '../types';


/**
 * Schema check: a node's `configuration` is a union — exactly one member, the one named after
 * the node's type. (A configuration without that member is a MissingNodeConfiguration.)
 */
export const invalidNodeConfiguration: FlowValidationRule = {
  type: 'InvalidNodeConfiguration',
  severity: FlowValidationSeverity.ERROR,
  node({ node, configurationKey: key }: NodeEntry, ctx: ValidationContext, report: Report): void {
    const config = node.configuration as unknown;
    if (key === undefined || !isObject(config) || ctx.isUnresolved(config) || !(key in config)) return;
    const extra = otherKeys(config, key);
    if (!extra) return;
    report({
      node: node.name,
      message: `the configuration of ${node.type} node '${node.name}' has ${extra.map(e => `'${e}'`).join(', ')} besides '${key}'; `
        + `it takes exactly one member, named after the node type: remove ${extra.length > 1 ? 'them' : 'it'}`,
    });
  },
};

/** The own keys of an object other than `key`; undefined when there are none (the common case: no array). */
function otherKeys(object: object, key: string): string[] | undefined {
  let others: string[] | undefined;
  for (const k in object) {
    if (k !== key && Object.prototype.hasOwnProperty.call(object, k)) (others ??= []).push(k);
  }
  return others;
}
