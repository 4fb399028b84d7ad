import { EXAMPLES, expectNone, expectOne, fixture, nodeOf, rag, token } from './util';

describe('MissingNodeOutput', () => {
  test('fails when a node lacks an output its type has', () => {
    const def = rag();
    nodeOf(def, 'Answer').outputs = [];
    expectOne(def, 'MissingNodeOutput', {
      node: 'Answer',
      port: 'modelCompletion',
      message: /Prompt node 'Answer' has no output 'modelCompletion': add \{ name: 'modelCompletion', type: 'String' \} to its outputs/,
    });
  });

  test('fails when a KnowledgeBase node with modelId lacks outputText, and says why', () => {
    const def = rag();
    nodeOf(def, 'FindChunks').configuration.knowledgeBase.modelId = 'anthropic.claude-3-haiku-20240307-v1:0';
    expectOne(def, 'MissingNodeOutput', { node: 'FindChunks', port: 'outputText', message: /has no output 'outputText' \(it sets modelId, so it generates a response \(RetrieveAndGenerate\)\)/ });
  });

  test('fails when an Iterator lacks arraySize', () => {
    const def = fixture('example-c-iterator-collector');
    nodeOf(def, 'EachDoc').outputs.pop();
    expectOne(def, 'MissingNodeOutput', { node: 'EachDoc', port: 'arraySize', message: /Iterator node 'EachDoc' has no output 'arraySize'/ });
  });

  test.each(EXAMPLES)('passes for %s', (name) => {
    expectNone(fixture(name), 'MissingNodeOutput');
  });

  test('does not fail when the outputs are a token', () => {
    const def = rag();
    nodeOf(def, 'Answer').outputs = token() as any;
    expectNone(def, 'MissingNodeOutput');
  });
});
