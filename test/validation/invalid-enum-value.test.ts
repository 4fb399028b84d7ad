import { connectionOf, expectNone, expectOne, findingsOf, fixture, nodeOf, rag, token } from './util';

describe('InvalidEnumValue', () => {
  test('fails when a node type is not a node type, and suggests the right case', () => {
    const def = rag();
    nodeOf(def, 'Answer').type = 'prompt';
    expectOne(def, 'InvalidEnumValue', { node: 'Answer', message: /node 'Answer' has type 'prompt', which is not a node type: use 'Prompt' \(values are case-sensitive\)/ });
  });

  test('fails when a node has no type', () => {
    const def = rag();
    delete nodeOf(def, 'Answer').type;
    expectOne(def, 'InvalidEnumValue', { node: 'Answer', message: /node 'Answer' has no type: use one of Input, Output, Prompt/ });
  });

  test('fails for the DoWhile type of the user guide', () => {
    const def = rag();
    nodeOf(def, 'Answer').type = 'DoWhile';
    expectOne(def, 'InvalidEnumValue', { node: 'Answer', message: /type 'DoWhile', which is not a node type: use one of .*Loop, LoopInput, LoopController/ });
  });

  test('fails when an input or output type is not a data type', () => {
    const def = rag();
    nodeOf(def, 'Answer').inputs[0].type = 'string';
    nodeOf(def, 'Answer').outputs[0].type = 'Text';
    expect(findingsOf(def, 'InvalidEnumValue').map(f => [f.port, f.message])).toEqual([
      ['question', expect.stringMatching(/input 'question' of node 'Answer' has type 'string', which is not a data type: use 'String'/)],
      ['modelCompletion', expect.stringMatching(/output 'modelCompletion' of node 'Answer' has type 'Text'.*use one of String, Number, Boolean, Object, Array/)],
    ]);
  });

  test('fails when an input category is not a category', () => {
    const def = fixture('example-e-loop');
    nodeOf(nodeOf(def, 'RefineLoop').configuration.loop.definition, 'LoopGate').inputs[2].category = 'Exit';
    expectOne(def, 'InvalidEnumValue', { node: 'LoopGate', port: 'loopOutput', loopNode: 'RefineLoop', message: /category 'Exit', which is not an input category/ });
  });

  test('fails when a connection type is not a connection type', () => {
    const def = rag();
    connectionOf(def, 'ChunksToAnswer').type = 'data';
    expectOne(def, 'InvalidEnumValue', { connection: 'ChunksToAnswer', message: /connection 'ChunksToAnswer' \(FindChunks → Answer\) has type 'data'.*use 'Data'/ });
  });

  test('fails when the InlineCode language or the prompt template type is unknown', () => {
    const def = fixture('example-c-iterator-collector');
    nodeOf(def, 'BuildReport').configuration.inlineCode.language = 'Python3';
    expectOne(def, 'InvalidEnumValue', { node: 'BuildReport', message: /InlineCode node 'BuildReport' has language 'Python3': use one of Python_3/ });
    const rg = rag();
    nodeOf(rg, 'Answer').configuration.prompt.sourceConfiguration.inline.templateType = 'text';
    expectOne(rg, 'InvalidEnumValue', { node: 'Answer', message: /templateType 'text': use 'TEXT'/ });
  });

  test('passes when every value is allowed', () => {
    expectNone(fixture('example-e-loop'), 'InvalidEnumValue');
    expectNone(fixture('example-c-iterator-collector'), 'InvalidEnumValue');
  });

  test('does not fail when a value is a token', () => {
    const def = rag();
    nodeOf(def, 'Answer').type = token('Prompt');
    nodeOf(def, 'FindChunks').inputs[0].type = '${QueryType}';
    expectNone(def, 'InvalidEnumValue');
  });
});
