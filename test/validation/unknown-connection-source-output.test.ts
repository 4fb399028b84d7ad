import { connectionOf, expectNone, expectOne, fixture, rag, token } from './util';

describe('UnknownConnectionSourceOutput', () => {
  test('fails when the source has no such output', () => {
    const def = rag();
    connectionOf(def, 'ChunksToAnswer').configuration.data.sourceOutput = 'outputText';
    expectOne(def, 'UnknownConnectionSourceOutput', {
      connection: 'ChunksToAnswer',
      node: 'FindChunks',
      port: 'outputText',
      message: /connection 'ChunksToAnswer' reads output 'outputText' of node 'FindChunks', which has no such output \(its outputs: 'retrievalResults'\)/,
    });
  });

  test('passes when every data connection reads a declared output', () => {
    expectNone(fixture('example-c-iterator-collector'), 'UnknownConnectionSourceOutput');
  });

  test('does not fail when the output name is a token', () => {
    const def = rag();
    connectionOf(def, 'ChunksToAnswer').configuration.data.sourceOutput = token('outputText');
    expectNone(def, 'UnknownConnectionSourceOutput');
  });
});
