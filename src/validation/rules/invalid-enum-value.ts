import { CONNECTION_TYPES, DATA_TYPES, FlowNodeJson, INPUT_CATEGORIES, NODE_TYPES } from '../../definition/schema';
import { ConnectionEntry, FlowValidationRule, NodeEntry, Report, ValidationContext } from '../context';
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
  node({ node }: NodeEntry, ctx: ValidationContext, report: Report): void {
    if (bad(ctx, node.type, NODE_TYPES)) {
      report({
        node: node.name,
        message: `node '${node.name}' has ${node.type === undefined ? 'no type' : `type ${show(node.type)}, which is not a node type`}: ${fix(node.type, NODE_TYPES)}`,
      });
    }
    checkPorts(node, node.inputs, 'input', ctx, report);
    checkPorts(node, node.outputs, 'output', ctx, report);
    const language = node.type === 'InlineCode' ? node.configuration?.inlineCode?.language : undefined;
    if (language !== undefined && bad(ctx, language, LANGUAGES)) {
      report({ node: node.name, message: `InlineCode node '${node.name}' has language ${show(language)}: ${fix(language, LANGUAGES)} (the only language flows run)` });
    }
    const templateType = node.type === 'Prompt' ? node.configuration?.prompt?.sourceConfiguration?.inline?.templateType : undefined;
    if (templateType !== undefined && bad(ctx, templateType, TEMPLATE_TYPES)) {
      report({ node: node.name, message: `Prompt node '${node.name}' has templateType ${show(templateType)}: ${fix(templateType, ['TEXT'])}` });
    }
  },
  connection({ connection: c, index }: ConnectionEntry, ctx: ValidationContext, report: Report): void {
    if (!bad(ctx, c.type, CONNECTION_TYPES)) return;
    report({
      connection: c.name,
      message: `connection ${typeof c.name === 'string' ? `'${c.name}'` : `#${index + 1}`} (${c.source} → ${c.target}) has `
        + `${c.type === undefined ? 'no type' : `type ${show(c.type)}, which is not a connection type`}: `
        + `${fix(c.type, CONNECTION_TYPES)} (Conditional for connections from a Condition node, Data otherwise)`,
    });
  },
};

/** Checks the `type` (and an input's `category`) of each input or output of a node, as written. */
function checkPorts(node: FlowNodeJson, list: unknown, what: 'input' | 'output', ctx: ValidationContext, report: Report): void {
  if (!Array.isArray(list)) return;
  for (const port of list) {
    if (!isObject(port)) continue;
    if (bad(ctx, port.type, DATA_TYPES)) {
      report({
        node: node.name,
        port: port.name,
        message: `${what} '${port.name}' of node '${node.name}' has ${port.type === undefined ? 'no type' : `type ${show(port.type)}, which is not a data type`}: `
          + fix(port.type, DATA_TYPES),
      });
    }
    if (what === 'input' && port.category !== undefined && bad(ctx, port.category, INPUT_CATEGORIES)) {
      report({
        node: node.name,
        port: port.name,
        message: `input '${port.name}' of node '${node.name}' has category ${show(port.category)}, which is not an input category: ${fix(port.category, INPUT_CATEGORIES)}`,
      });
    }
  }
}

/** Whether a value is known and not one of the allowed values. */
function bad(ctx: ValidationContext, value: unknown, allowed: readonly string[]): boolean {
  return !ctx.isUnresolved(value) && !allowed.includes(value as string);
}

/** How to fix a value that is not one of the allowed values. */
function fix(value: unknown, allowed: readonly string[]): string {
  const match = caseInsensitiveMatch(value, allowed);
  return match ? `use '${match}' (values are case-sensitive)` : `use one of ${allowed.join(', ')}`;
}
