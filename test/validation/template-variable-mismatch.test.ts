import { expectNone, expectOne, findingsOf, nodeOf, rag, token } from './util';

const textOf = (def: any) => nodeOf(def, 'Answer').configuration.prompt.sourceConfiguration.inline.templateConfiguration.text;

describe('TemplateVariableMismatch', () => {
  test('fails when a template variable has no input', () => {
    const def = rag();
    textOf(def).text += ' Tone: {{tone}}';
    textOf(def).inputVariables.push({ name: 'tone' });
    expectOne(def, 'TemplateVariableMismatch', { node: 'Answer', message: /template variable '\{\{tone\}\}' of Prompt node 'Answer' has no input of that name: add the input 'tone'/ });
  });

  test('fails when an input is not a template variable', () => {
    const def = rag();
    nodeOf(def, 'Answer').inputs.push({ name: 'extra', type: 'String', expression: '$.data' });
    expectOne(def, 'TemplateVariableMismatch', { node: 'Answer', message: /input 'extra' of Prompt node 'Answer' is not a variable of its template: use '\{\{extra\}\}'/ });
  });

  test('fails when inputVariables differ from the template variables', () => {
    const def = rag();
    textOf(def).inputVariables = [{ name: 'question' }];
    expectOne(def, 'TemplateVariableMismatch', { node: 'Answer', message: /inputVariables of Prompt node 'Answer' \(question\) differ from the template's variables \(question, context\)/ });
  });

  test('passes when a template without variables has one input that only triggers the node', () => {
    const def = rag();
    textOf(def).text = 'Tell a joke.';
    textOf(def).inputVariables = [];
    nodeOf(def, 'Answer').inputs.pop();
    expect(findingsOf(def, 'TemplateVariableMismatch')).toEqual([]);
  });

  test('passes when variables and inputs match', () => {
    expectNone(rag(), 'TemplateVariableMismatch');
  });

  test('does not fail when the template is a token', () => {
    const def = rag();
    textOf(def).text = token('{{other}}');
    expectNone(def, 'TemplateVariableMismatch');
  });
});
