import { connectionOf, expectNone, expectOne, rag, token } from './util';

describe('UnknownConnectionSource', () => {
  test('fails when the source is not a node', () => {
    const def = rag();
    connectionOf(def, 'ChunksToAnswer').source = 'FindChunk';
    expectOne(def, 'UnknownConnectionSource', {
      connection: 'ChunksToAnswer',
      message: /connection 'ChunksToAnswer' comes from 'FindChunk', which is not a node of the flow: fix the source name or add the node/,
    });
  });

  test('passes when every source is a node', () => {
    expectNone(rag(), 'UnknownConnectionSource');
  });

  test('does not fail when the source is a token', () => {
    const def = rag();
    connectionOf(def, 'ChunksToAnswer').source = token('Other');
    expectNone(def, 'UnknownConnectionSource');
  });
});
