import { NODE_NAME_PATTERN, NODE_NAME_RULE } from '../../private/names';
import { FlowValidationRule, RuleFinding, ValidationContext } from '../context';
import { FlowValidationSeverity } from '../types';

/**
 * Schema check: node, input, output and condition names (of Condition nodes, and a LoopController's
 * continue condition) match `[a-zA-Z]([_]?[0-9a-zA-Z]){1,50}`.
 */
export const invalidName: FlowValidationRule = {
  type: 'InvalidName',
  severity: FlowValidationSeverity.ERROR,
  check(ctx: ValidationContext): RuleFinding[] {
    const findings: RuleFinding[] = [];
    const bad = (name: unknown) => typeof name !== 'string' || (!ctx.isUnresolved(name) && !NODE_NAME_PATTERN.test(name));
    const show = (name: unknown) => typeof name === 'string' ? `'${name}'` : `(${name === undefined ? 'missing' : JSON.stringify(name)})`;
    ctx.nodes.forEach((node, index) => {
      if (bad(node.name)) {
        findings.push({ message: `node #${index + 1} has an invalid name ${show(node.name)}: use ${NODE_NAME_RULE}` });
        return;
      }
      const where = `node '${node.name}'`;
      for (const [list, what] of [[node.inputs, 'input'], [node.outputs, 'output']] as const) {
        for (const port of Array.isArray(list) ? list : []) {
          if (bad(port?.name)) {
            findings.push({
              node: node.name,
              ...(typeof port?.name === 'string' ? { port: port.name } : {}),
              message: `${where} has an ${what} with an invalid name ${show(port?.name)}: use ${NODE_NAME_RULE}`,
            });
          }
        }
      }
      const conditions = node.type === 'Condition' ? node.configuration?.condition?.conditions
        : node.type === 'LoopController' && node.configuration?.loopController?.continueCondition !== undefined
          ? [node.configuration.loopController.continueCondition] : undefined;
      for (const condition of Array.isArray(conditions) ? conditions : []) {
        if (bad(condition?.name)) {
          findings.push({ node: node.name, message: `${where} has a condition with an invalid name ${show(condition?.name)}: use ${NODE_NAME_RULE}` });
        }
      }
    });
    return findings;
  },
};
