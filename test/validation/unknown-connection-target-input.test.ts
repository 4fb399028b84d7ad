import { connectionOf, expectNone, expectOne, fixture, rag } from './util';

describe('UnknownConnectionTargetInput', () => {
  test('fails when the target has no such input', () => {
    const def = rag();
    connectionOf(def, 'ChunksToAnswer').configuration.data.targetInput = 'chunks';
    expectOne(def, 'UnknownConnectionTargetInput', {
      connection: 'ChunksToAnswer',
      node: 'Answer',
      port: 'chunks',
      message: /connection 'ChunksToAnswer' feeds input 'chunks' of node 'Answer', which has no such input \(its inputs: 'question', 'context'\)/,
    });
  });

  test('passes when every data connection feeds a declared input', () => {
    expectNone(fixture('example-d-lex-retrieval'), 'UnknownConnectionTargetInput');
  });

  test('does not fail when the input name is a placeholder', () => {
    const def = rag();
    connectionOf(def, 'ChunksToAnswer').configuration.data.targetInput = '${Input}';
    expectNone(def, 'UnknownConnectionTargetInput');
  });

  test('leaves connections into Input and LoopInput nodes to other rules', () => {
    const def = rag();
    connectionOf(def, 'AnswerToOutput').target = 'FlowInput';
    expectNone(def, 'UnknownConnectionTargetInput');
  });
});
