import { EXAMPLES, expectNone, expectOne, fixture, nodeOf, rag, token } from './util';

describe('UnknownNodeOutput', () => {
  test('fails when a node declares an output its type does not have', () => {
    const def = rag();
    nodeOf(def, 'Answer').outputs[0].name = 'completion';
    expectOne(def, 'UnknownNodeOutput', {
      node: 'Answer',
      port: 'completion',
      message: /Prompt node 'Answer' declares output 'completion', which it does not have \(its outputs: modelCompletion \(String\)\): rename it/,
    });
  });

  test('fails when a KnowledgeBase node with modelId declares retrievalResults, and says why', () => {
    const def = rag();
    nodeOf(def, 'FindChunks').configuration.knowledgeBase.modelId = 'anthropic.claude-3-haiku-20240307-v1:0';
    expectOne(def, 'UnknownNodeOutput', {
      node: 'FindChunks',
      port: 'retrievalResults',
      message: /declares output 'retrievalResults', which it does not have \(its outputs: outputText \(String\), because it sets modelId, so it generates a response/,
    });
  });

  test('fails when an Output or Condition node declares an output', () => {
    const def = rag();
    nodeOf(def, 'FlowOutput').outputs = [{ name: 'document', type: 'String' }];
    expectOne(def, 'UnknownNodeOutput', { node: 'FlowOutput', message: /Output node 'FlowOutput' declares output 'document', but a Output node has no outputs: remove it/ });
  });

  test.each(EXAMPLES)('passes for %s', (name) => {
    expectNone(fixture(name), 'UnknownNodeOutput');
  });

  test('does not fail when modelId is a token (the node generates)', () => {
    const def = rag();
    nodeOf(def, 'FindChunks').configuration.knowledgeBase.modelId = token();
    nodeOf(def, 'FindChunks').outputs[0] = { name: 'outputText', type: 'String' };
    expectNone(def, 'UnknownNodeOutput');
  });
});
