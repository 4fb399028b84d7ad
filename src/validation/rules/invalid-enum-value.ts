import { CONNECTION_TYPES, DATA_TYPES, INPUT_CATEGORIES, NODE_TYPES } from '../../definition/schema';
import { FlowValidationRule, RuleFinding, ValidationContext } from '../context';
import { caseInsensitiveMatch, isObject, show } from '../helpers';
import { FlowValidationSeverity } from '../types';

/** Languages of InlineCode nodes. */
const LANGUAGES = ['Python_3'] as const;
/** Template types of inline prompts in the API (CloudFormation accepts only TEXT: see UnsupportedByCloudFormation). */
const TEMPLATE_TYPES = ['TEXT', 'CHAT'] as const;

/**
 * Schema check: values that come from a fixed list — node `type`, connection `type`, input and
 * output `type`, input `category`, an InlineCode node's `language` and an inline prompt's
 * `templateType` — are one of the allowed values (case matters).
 */
export const invalidEnumValue: FlowValidationRule = {
  type: 'InvalidEnumValue',
  severity: FlowValidationSeverity.ERROR,
  check(ctx: ValidationContext): RuleFinding[] {
    const findings: RuleFinding[] = [];
    const bad = (value: unknown, allowed: readonly string[]) => !ctx.isUnresolved(value) && !allowed.includes(value as string);
    const fix = (value: unknown, allowed: readonly string[]) => {
      const match = caseInsensitiveMatch(value, allowed);
      return match ? `use '${match}' (values are case-sensitive)` : `use one of ${allowed.join(', ')}`;
    };
    for (const node of ctx.nodes) {
      if (bad(node.type, NODE_TYPES)) {
        findings.push({
          node: node.name,
          message: `node '${node.name}' has ${node.type === undefined ? 'no type' : `type ${show(node.type)}, which is not a node type`}: ${fix(node.type, NODE_TYPES)}`,
        });
      }
      for (const [list, what] of [[node.inputs, 'input'], [node.outputs, 'output']] as const) {
        for (const port of (Array.isArray(list) ? list : []) as any[]) {
          if (!isObject(port)) continue;
          if (bad(port.type, DATA_TYPES)) {
            findings.push({
              node: node.name,
              port: port.name,
              message: `${what} '${port.name}' of node '${node.name}' has ${port.type === undefined ? 'no type' : `type ${show(port.type)}, which is not a data type`}: `
                + fix(port.type, DATA_TYPES),
            });
          }
          if (what === 'input' && port.category !== undefined && bad(port.category, INPUT_CATEGORIES)) {
            findings.push({
              node: node.name,
              port: port.name,
              message: `input '${port.name}' of node '${node.name}' has category ${show(port.category)}, which is not an input category: ${fix(port.category, INPUT_CATEGORIES)}`,
            });
          }
        }
      }
      const language = node.type === 'InlineCode' ? node.configuration?.inlineCode?.language : undefined;
      if (language !== undefined && bad(language, LANGUAGES)) {
        findings.push({ node: node.name, message: `InlineCode node '${node.name}' has language ${show(language)}: ${fix(language, LANGUAGES)} (the only language flows run)` });
      }
      const templateType = node.type === 'Prompt' ? node.configuration?.prompt?.sourceConfiguration?.inline?.templateType : undefined;
      if (templateType !== undefined && bad(templateType, TEMPLATE_TYPES)) {
        findings.push({ node: node.name, message: `Prompt node '${node.name}' has templateType ${show(templateType)}: ${fix(templateType, ['TEXT'])}` });
      }
    }
    ctx.connections.forEach((c, index) => {
      if (bad(c.type, CONNECTION_TYPES)) {
        findings.push({
          connection: c.name,
          message: `connection ${typeof c.name === 'string' ? `'${c.name}'` : `#${index + 1}`} (${c.source} → ${c.target}) has `
            + `${c.type === undefined ? 'no type' : `type ${show(c.type)}, which is not a connection type`}: `
            + `${fix(c.type, CONNECTION_TYPES)} (Conditional for connections from a Condition node, Data otherwise)`,
        });
      }
    });
    return findings;
  },
};
