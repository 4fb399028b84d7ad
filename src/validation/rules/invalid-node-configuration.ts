import { configurationKey, NODE_TYPES } from '../../definition/schema';
import { FlowValidationRule, RuleFinding, ValidationContext } from '../context';
import { isObject } from '../helpers';
import { FlowValidationSeverity } from '../types';

/**
 * Schema check: a node's `configuration` is a union — exactly one member, the one named after
 * the node's type. (A configuration without that member is a MissingNodeConfiguration.)
 */
export const invalidNodeConfiguration: FlowValidationRule = {
  type: 'InvalidNodeConfiguration',
  severity: FlowValidationSeverity.ERROR,
  check(ctx: ValidationContext): RuleFinding[] {
    const findings: RuleFinding[] = [];
    for (const node of ctx.nodes) {
      if (!(NODE_TYPES as readonly string[]).includes(node.type)) continue;
      const config = node.configuration as unknown;
      const key = configurationKey(node.type);
      if (!isObject(config) || ctx.isUnresolved(config) || !(key in config)) continue;
      const extra = Object.keys(config).filter(k => k !== key);
      if (extra.length > 0) {
        findings.push({
          node: node.name,
          message: `the configuration of ${node.type} node '${node.name}' has ${extra.map(e => `'${e}'`).join(', ')} besides '${key}'; `
            + `it takes exactly one member, named after the node type: remove ${extra.length > 1 ? 'them' : 'it'}`,
        });
      }
    }
    return findings;
  },
};
