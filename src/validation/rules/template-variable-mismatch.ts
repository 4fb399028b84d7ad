import { templateVariables } from '../../definition/template';
import { FlowValidationRule, RuleFinding, ValidationContext } from '../context';
import { FlowValidationSeverity } from '../types';


/**
 * Schema check: an inline prompt's `{{variables}}` and the node's inputs match both ways, and
 * `inputVariables` lists exactly the template's variables. A template without variables may have
 * one input, which only triggers the node.
 */
export const templateVariableMismatch: FlowValidationRule = {
  type: 'TemplateVariableMismatch',
  severity: FlowValidationSeverity.ERROR,
  check(ctx: ValidationContext): RuleFinding[] {
    const findings: RuleFinding[] = [];
    for (const node of ctx.nodes) {
      if (node.type !== 'Prompt') continue;
      const text = node.configuration?.prompt?.sourceConfiguration?.inline?.templateConfiguration?.text;
      if (typeof text?.text !== 'string' || ctx.isUnresolved(text.text)) continue;
      const variables = new Set(templateVariables(text.text));
      const inputs = ctx.inputsOf(node);
      for (const v of variables) {
        if (!inputs.has(v)) {
          findings.push({ node: node.name, message: `template variable '{{${v}}}' of Prompt node '${node.name}' has no input of that name: add the input '${v}'` });
        }
      }
      if (!(variables.size === 0 && inputs.size <= 1)) {
        for (const name of inputs.keys()) {
          if (!variables.has(name)) {
            findings.push({
              node: node.name,
              message: `input '${name}' of Prompt node '${node.name}' is not a variable of its template: use '{{${name}}}' in the template or remove the input`,
            });
          }
        }
      }
      if (Array.isArray(text.inputVariables)) {
        const listed = new Set(text.inputVariables.map((v: any) => v?.name));
        const differ = [...variables].some(v => !listed.has(v)) || [...listed].some(v => !variables.has(v as string));
        if (differ) {
          findings.push({
            node: node.name,
            message: `inputVariables of Prompt node '${node.name}' (${[...listed].join(', ') || 'none'}) differ from the template's variables `
              + `(${[...variables].join(', ') || 'none'}): list exactly the variables the template uses`,
          });
        }
      }
    }
    return findings;
  },
};
