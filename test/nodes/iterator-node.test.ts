import { App, Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import {
  CollectorNode, Flow, FlowDataType, FlowDefinition, InlineCodeNode, InputNode, IteratorNode, OutputNode,
} from '../../src';
import { nodeOf, renderDefinition, testStack } from '../util/render';

describe('IteratorNode and CollectorNode', () => {
  let stack: Stack;
  let input: InputNode;
  beforeEach(() => {
    stack = testStack();
    input = new InputNode(stack, 'FlowInput');
  });

  test('renders an iteration whose collector reads arraySize from the iterator', () => {
    // GIVEN
    const each = new IteratorNode(stack, 'EachDoc', { array: input.document.at('$.data.documents', FlowDataType.ARRAY) });
    const extract = new InlineCodeNode(stack, 'Extract', { code: 'doc["title"]', responseType: FlowDataType.STRING });

    // WHEN
    const definition = renderDefinition(stack, input.next(each).next(extract).next(each.collect(stack, 'Gather')).next(new OutputNode(stack, 'Out')));

    // THEN
    expect(definition).toStrictEqual({
      nodes: [
        { name: 'FlowInput', type: 'Input', configuration: { input: {} }, outputs: [{ name: 'document', type: 'Object' }] },
        {
          name: 'EachDoc',
          type: 'Iterator',
          configuration: { iterator: {} },
          inputs: [{ name: 'array', type: 'Array', expression: '$.data.documents' }],
          outputs: [{ name: 'arrayItem', type: 'Object' }, { name: 'arraySize', type: 'Number' }],
        },
        {
          name: 'Extract',
          type: 'InlineCode',
          configuration: { inlineCode: { code: 'doc["title"]', language: 'Python_3' } },
          inputs: [{ name: 'arrayItem', type: 'Object', expression: '$.data' }],
          outputs: [{ name: 'response', type: 'String' }],
        },
        {
          name: 'Gather',
          type: 'Collector',
          configuration: { collector: {} },
          inputs: [
            { name: 'arrayItem', type: 'String', expression: '$.data' },
            { name: 'arraySize', type: 'Number', expression: '$.data' },
          ],
          outputs: [{ name: 'collectedArray', type: 'Array' }],
        },
        {
          name: 'Out',
          type: 'Output',
          configuration: { output: {} },
          inputs: [{ name: 'document', type: 'Array', expression: '$.data' }],
        },
      ],
      connections: [
        {
          name: 'FlowInput_EachDoc_array',
          type: 'Data',
          source: 'FlowInput',
          target: 'EachDoc',
          configuration: { data: { sourceOutput: 'document', targetInput: 'array' } },
        },
        {
          name: 'EachDoc_Extract_arrayItem',
          type: 'Data',
          source: 'EachDoc',
          target: 'Extract',
          configuration: { data: { sourceOutput: 'arrayItem', targetInput: 'arrayItem' } },
        },
        {
          name: 'Extract_Gather_arrayItem',
          type: 'Data',
          source: 'Extract',
          target: 'Gather',
          configuration: { data: { sourceOutput: 'response', targetInput: 'arrayItem' } },
        },
        {
          name: 'EachDoc_Gather_arraySize',
          type: 'Data',
          source: 'EachDoc',
          target: 'Gather',
          configuration: { data: { sourceOutput: 'arraySize', targetInput: 'arraySize' } },
        },
        {
          name: 'Gather_Out_document',
          type: 'Data',
          source: 'Gather',
          target: 'Out',
          configuration: { data: { sourceOutput: 'collectedArray', targetInput: 'document' } },
        },
      ],
    });
  });

  test('the item type is configurable, and next() continues from arrayItem', () => {
    // GIVEN
    const each = new IteratorNode(stack, 'EachName', { array: input.document.at('$.data.names', FlowDataType.ARRAY), itemType: FlowDataType.STRING });
    const out = new OutputNode(stack, 'Out');

    // WHEN
    const definition = renderDefinition(stack, input.next(each).next(out));

    // THEN
    expect(nodeOf(definition, 'EachName').outputs).toStrictEqual([{ name: 'arrayItem', type: 'String' }, { name: 'arraySize', type: 'Number' }]);
    expect(nodeOf(definition, 'Out').inputs).toStrictEqual([{ name: 'document', type: 'String', expression: '$.data' }]);
    expect(each.arraySize.type).toBe(FlowDataType.NUMBER);
  });

  test('a CollectorNode created with props binds both inputs', () => {
    // GIVEN
    const each = new IteratorNode(stack, 'Each', { array: input.document.at('$.data.items', FlowDataType.ARRAY) });

    // WHEN
    const gather = new CollectorNode(stack, 'Gather', { iterator: each, arrayItem: each.arrayItem.at('$.data.id', FlowDataType.NUMBER) });

    // THEN
    expect(nodeOf(renderDefinition(stack, input.next(each)), 'Gather').inputs).toStrictEqual([
      { name: 'arrayItem', type: 'Number', expression: '$.data.id' },
      { name: 'arraySize', type: 'Number', expression: '$.data' },
    ]);
    expect(gather.collectedArray.type).toBe(FlowDataType.ARRAY);
    expect(gather.iterator).toBe(each);
  });

  test('synthesizes in a Flow', () => {
    // GIVEN
    const each = new IteratorNode(stack, 'EachDoc', { array: input.document.at('$.data.documents', FlowDataType.ARRAY) });
    const extract = new InlineCodeNode(stack, 'Extract', { code: 'len(arrayItem)', responseType: FlowDataType.NUMBER });

    // WHEN
    new Flow(stack, 'Flow', {
      definition: FlowDefinition.fromChainable(input.next(each).next(extract).next(each.collect(stack, 'Gather')).next(new OutputNode(stack, 'Out'))),
    });

    // THEN
    Template.fromStack(stack).hasResourceProperties('AWS::Bedrock::Flow', {
      Definition: {
        Nodes: [
          { Name: 'FlowInput' },
          { Name: 'EachDoc', Type: 'Iterator', Configuration: { Iterator: {} } },
          { Name: 'Extract' },
          { Name: 'Gather', Type: 'Collector', Configuration: { Collector: {} }, Outputs: [{ Name: 'collectedArray', Type: 'Array' }] },
          { Name: 'Out' },
        ],
      },
    });
  });

  test('throws when the array is not an Array', () => {
    expect(() => new IteratorNode(stack, 'Each', { array: input.document }))
      .toThrow(/input 'array' of node 'Each' takes a Array, but 'FlowInput.document' gives Object/);
  });

  test('fails synth when the collected item does not depend on the iterator', () => {
    // GIVEN
    const app = new App();
    const s = new Stack(app, 'S');
    const doc = new InputNode(s, 'Doc');
    const each = new IteratorNode(s, 'Each', { array: doc.document.at('$.data.items', FlowDataType.ARRAY) });
    const gather = each.collect(s, 'Gather', { arrayItem: doc.document });
    new Flow(s, 'Flow', { definition: FlowDefinition.fromChainable(doc.next(each)) });
    new OutputNode(s, 'Out', { document: gather.collectedArray });
    new OutputNode(s, 'Item', { document: each.arrayItem });

    // WHEN / THEN
    expect(() => app.synth()).toThrow(/Collector node 'Gather' collects 'Doc.document', which does not depend on Iterator node 'Each'/);
  });
});
