import { EXAMPLES, expectNone, expectOne, fixture, nodeOf, rag, token } from './util';

describe('UnknownNodeInput', () => {
  test('fails when a node declares an input its type does not have', () => {
    const def = rag();
    nodeOf(def, 'FindChunks').inputs[0].name = 'query';
    expectOne(def, 'UnknownNodeInput', {
      node: 'FindChunks',
      port: 'query',
      message: /KnowledgeBase node 'FindChunks' declares input 'query', which a KnowledgeBase node does not have \(its inputs: retrievalQuery \(String\)\): rename it/,
    });
  });

  test('fails when an Input node declares an input', () => {
    const def = rag();
    nodeOf(def, 'FlowInput').inputs = [{ name: 'document', type: 'String', expression: '$.data' }];
    expectOne(def, 'UnknownNodeInput', { node: 'FlowInput', port: 'document', message: /Input node 'FlowInput' declares input 'document', but a Input node takes no inputs: remove it/ });
  });

  test('passes for optional fixed inputs and free-named inputs', () => {
    const def = fixture('example-d-lex-retrieval');
    nodeOf(def, 'DetectIntent').inputs.push({ name: 'sessionAttributes', type: 'Object', expression: '$.data.session' });
    expectNone(def, 'UnknownNodeInput');
  });

  test.each(EXAMPLES)('passes for %s', (name) => {
    expectNone(fixture(name), 'UnknownNodeInput');
  });

  test('does not fail when the name is a token', () => {
    const def = rag();
    nodeOf(def, 'FindChunks').inputs[0].name = token('query');
    expectNone(def, 'UnknownNodeInput');
  });
});
