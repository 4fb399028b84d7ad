import { data, expectNone, expectOne, fixture, rag } from './util';

describe('MultipleNodeInputConnections', () => {
  test('fails when two connections feed one input', () => {
    const def = rag();
    def.connections.push(data('AlsoToContext', 'FlowInput', 'document', 'Answer', 'context'));
    expectOne(def, 'MultipleNodeInputConnections', {
      node: 'Answer',
      port: 'context',
      connection: 'AlsoToContext',
      message: /input 'context' of node 'Answer' has 2 data connections \('ChunksToAnswer' from FindChunks, 'AlsoToContext' from FlowInput\).*inputs cannot merge branches/,
    });
  });

  test('passes when one output fans out to several inputs', () => {
    expectNone(rag(), 'MultipleNodeInputConnections');
    expectNone(fixture('example-c-iterator-collector'), 'MultipleNodeInputConnections');
  });
});
