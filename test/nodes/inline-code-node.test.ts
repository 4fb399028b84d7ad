import { Lazy, Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { Flow, FlowDataType, FlowDefinition, InlineCodeLanguage, InlineCodeNode, InputNode, OutputNode } from '../../src';
import { nodeOf, renderDefinition, testStack } from '../util/render';

describe('InlineCodeNode', () => {
  let stack: Stack;
  let input: InputNode;
  beforeEach(() => {
    stack = testStack();
    input = new InputNode(stack, 'FlowInput');
  });

  test('renders the code, language, free-named inputs and the response output', () => {
    // GIVEN
    const code = 'result = {"count": len(items), "first": items[0] if items else None}\nresult';
    const normalize = new InlineCodeNode(stack, 'Normalize', {
      code,
      inputs: { items: input.document.at('$.data.items', FlowDataType.ARRAY), label: input.document.at('$.data.label', FlowDataType.STRING) },
    });

    // WHEN
    const definition = renderDefinition(stack, input.next(normalize).next(new OutputNode(stack, 'FlowOutput')));

    // THEN
    expect(definition).toStrictEqual({
      nodes: [
        { name: 'FlowInput', type: 'Input', configuration: { input: {} }, outputs: [{ name: 'document', type: 'Object' }] },
        {
          name: 'Normalize',
          type: 'InlineCode',
          configuration: { inlineCode: { code, language: 'Python_3' } },
          inputs: [
            { name: 'items', type: 'Array', expression: '$.data.items' },
            { name: 'label', type: 'String', expression: '$.data.label' },
          ],
          outputs: [{ name: 'response', type: 'Object' }],
        },
        {
          name: 'FlowOutput',
          type: 'Output',
          configuration: { output: {} },
          inputs: [{ name: 'document', type: 'Object', expression: '$.data' }],
        },
      ],
      connections: [
        {
          name: 'FlowInput_Normalize_items',
          type: 'Data',
          source: 'FlowInput',
          target: 'Normalize',
          configuration: { data: { sourceOutput: 'document', targetInput: 'items' } },
        },
        {
          name: 'FlowInput_Normalize_label',
          type: 'Data',
          source: 'FlowInput',
          target: 'Normalize',
          configuration: { data: { sourceOutput: 'document', targetInput: 'label' } },
        },
        {
          name: 'Normalize_FlowOutput_document',
          type: 'Data',
          source: 'Normalize',
          target: 'FlowOutput',
          configuration: { data: { sourceOutput: 'response', targetInput: 'document' } },
        },
      ],
    });
  });

  test('next() adds an input named after the previous output, and the response type is configurable', () => {
    // GIVEN
    const code = new InlineCodeNode(stack, 'Count', { code: 'len(document)', responseType: FlowDataType.NUMBER, language: InlineCodeLanguage.PYTHON_3 });

    // WHEN
    const node = nodeOf(renderDefinition(stack, input.next(code)), 'Count');

    // THEN
    expect(node.inputs).toStrictEqual([{ name: 'document', type: 'Object', expression: '$.data' }]);
    expect(node.outputs).toStrictEqual([{ name: 'response', type: 'Number' }]);
  });

  test('accepts code that is a token', () => {
    const code = Lazy.string({ produce: () => '' });
    const node = new InlineCodeNode(stack, 'Lazy', { code, inputs: { document: input.document } });
    expect(nodeOf(renderDefinition(stack, input.next(node)), 'Lazy').configuration).toStrictEqual({ inlineCode: { code: '', language: 'Python_3' } });
  });

  test('synthesizes in a Flow, and adds no permission', () => {
    // GIVEN
    const code = new InlineCodeNode(stack, 'Upper', { code: 'document["text"].upper()', responseType: FlowDataType.STRING });

    // WHEN
    new Flow(stack, 'Flow', { definition: FlowDefinition.fromChainable(input.next(code).next(new OutputNode(stack, 'Out'))) });

    // THEN
    const template = Template.fromStack(stack);
    template.hasResourceProperties('AWS::Bedrock::Flow', {
      Definition: {
        Nodes: [
          { Name: 'FlowInput' },
          { Name: 'Upper', Type: 'InlineCode', Configuration: { InlineCode: { Code: 'document["text"].upper()', Language: 'Python_3' } } },
          { Name: 'Out' },
        ],
      },
    });
    template.resourceCountIs('AWS::IAM::Policy', 0);
  });

  test('throws on empty code and on code over 5,000,000 characters', () => {
    expect(() => new InlineCodeNode(stack, 'Empty', { code: '  \n' })).toThrow(/InlineCode node 'Empty': the code is empty/);
    expect(() => new InlineCodeNode(stack, 'Huge', { code: 'x'.repeat(5_000_001) }))
      .toThrow(/InlineCode node 'Huge': the code is 5000001 characters long; the service allows at most 5,000,000/);
  });

  test('throws on more than 5 inputs', () => {
    const inputs: { [name: string]: any } = {};
    for (const n of ['a1', 'a2', 'a3', 'a4', 'a5', 'a6']) inputs[n] = input.document;
    expect(() => new InlineCodeNode(stack, 'Many', { code: 'a1', inputs }))
      .toThrow(/InlineCode node 'Many' has 6 inputs; an InlineCode node takes at most 5: pass an Object and read its fields in the code/);
  });

  test('throws on an input named after a Python keyword', () => {
    expect(() => new InlineCodeNode(stack, 'Kw', { code: 'x', inputs: { lambda: input.document } }))
      .toThrow(/InlineCode node 'Kw': input 'lambda' is a Python keyword/);
  });
});
