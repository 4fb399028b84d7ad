import { Template } from 'aws-cdk-lib/assertions';
import { FlowDataType, InputNode, OutputNode } from '../../src';
import { renderDefinition, testStack } from '../util/render';

describe('InputNode and OutputNode', () => {
  test('the input document is an Object unless a type is given, and the output takes the type it receives', () => {
    const stack = testStack();
    const doc = new InputNode(stack, 'Doc');
    const text = new InputNode(stack, 'Text', { type: FlowDataType.STRING });
    const a = new OutputNode(stack, 'WholeDoc', { document: doc.document });
    const b = new OutputNode(stack, 'OnlyTitle', { document: doc.document.at('$.data.title', FlowDataType.STRING) });
    expect(renderDefinition(stack, a).nodes).toStrictEqual([
      { name: 'WholeDoc', type: 'Output', configuration: { output: {} }, inputs: [{ name: 'document', type: 'Object', expression: '$.data' }] },
      { name: 'Doc', type: 'Input', configuration: { input: {} }, outputs: [{ name: 'document', type: 'Object' }] },
      { name: 'OnlyTitle', type: 'Output', configuration: { output: {} }, inputs: [{ name: 'document', type: 'String', expression: '$.data.title' }] },
    ]);
    expect(text.document.type).toBe(FlowDataType.STRING);
    expect(b.endNodes).toEqual([]);
  });

  test('the node name defaults to the construct id and can be set', () => {
    const stack = testStack();
    expect(new InputNode(stack, 'Doc').nodeName).toBe('Doc');
    expect(new InputNode(stack, 'Other', { nodeName: 'FlowInput' }).nodeName).toBe('FlowInput');
  });

  test('throws on an invalid node name, saying how to fix it', () => {
    const stack = testStack();
    expect(() => new InputNode(stack, 'find-clauses')).toThrow(
      "Input node at 'TestStack/find-clauses': the node name 'find-clauses' is not valid (letters, digits and single underscores between them, "
      + "starting with a letter, 2–101 characters); pass a valid `nodeName`, or use a construct id such as 'ExtractText'",
    );
    expect(() => new OutputNode(stack, 'Ok1', { nodeName: 'a__b' })).toThrow(/the node name 'a__b' is not valid .* choose another `nodeName`/);
  });

  test('throws when a scalar output is narrowed with a path', () => {
    const stack = testStack();
    const text = new InputNode(stack, 'Text', { type: FlowDataType.STRING });
    expect(() => text.document.at('$.data.title', FlowDataType.STRING))
      .toThrow("'Text.document' is a String, so the only input expression it allows is '$.data' (got '$.data.title')");
    expect(() => new InputNode(stack, 'Doc').document.at('data.title', FlowDataType.STRING))
      .toThrow("input expression 'data.title' on 'Doc.document' is malformed: it must start with '$.data'");
  });

  test('a node that is not part of any flow fails synth', () => {
    const stack = testStack();
    new InputNode(stack, 'Orphan');
    expect(() => Template.fromStack(stack)).toThrow(/\[TestStack\/Orphan\] node 'Orphan' is not part of any flow/);
  });
});
