import { templateVariables } from '../../definition/template';
import { FlowValidationRule, NodeEntry, Report, ValidationContext } from '../context';
import { FlowValidationSeverity } from '../types';


/**
 * Schema check: an inline prompt's `{{variables}}` and the node's inputs match both ways, and
 * `inputVariables` lists exactly the template's variables. A template without variables may have
 * one input, which only triggers the node.
 */
export const templateVariableMismatch: FlowValidationRule = {
  type: 'TemplateVariableMismatch',
  severity: FlowValidationSeverity.ERROR,
  node(entry: NodeEntry, ctx: ValidationContext, report: Report): void {
    if (entry.type !== 'Prompt') return;
    const { node, inputs } = entry;
    const text = node.configuration?.prompt?.sourceConfiguration?.inline?.templateConfiguration?.text;
    if (typeof text?.text !== 'string' || ctx.isUnresolved(text.text)) return;
    const variables = templateVariables(text.text);
    for (const v of variables) {
      if (!entry.input(v)) {
        report({ node: node.name, message: `template variable '{{${v}}}' of Prompt node '${node.name}' has no input of that name: add the input '${v}'` });
      }
    }
    if (!(variables.length === 0 && inputs.length <= 1)) {
      for (const { name } of inputs) {
        if (!variables.includes(name)) {
          report({
            node: node.name,
            message: `input '${name}' of Prompt node '${node.name}' is not a variable of its template: use '{{${name}}}' in the template or remove the input`,
          });
        }
      }
    }
    if (Array.isArray(text.inputVariables) && !listsExactly(text.inputVariables, variables)) {
      const listed = new Set(text.inputVariables.map((v: any) => v?.name));
      report({
        node: node.name,
        message: `inputVariables of Prompt node '${node.name}' (${[...listed].join(', ') || 'none'}) differ from the template's variables `
          + `(${variables.join(', ') || 'none'}): list exactly the variables the template uses`,
      });
    }
  },
};

/** Whether `inputVariables` (as written) names each of `variables`, and nothing else. */
function listsExactly(inputVariables: any[], variables: readonly string[]): boolean {
  for (const v of inputVariables) if (!variables.includes(v?.name)) return false;
  for (const name of variables) if (!inputVariables.some(v => v?.name === name)) return false;
  return true;
}
