import { connectionOf, expectNone, expectOne, rag } from './util';

describe('UnknownConnectionTarget', () => {
  test('fails when the target is not a node', () => {
    const def = rag();
    connectionOf(def, 'AnswerToOutput').target = 'Output';
    expectOne(def, 'UnknownConnectionTarget', {
      connection: 'AnswerToOutput',
      message: /connection 'AnswerToOutput' goes to 'Output', which is not a node of the flow: fix the target name or add the node/,
    });
  });

  test('passes when every target is a node', () => {
    expectNone(rag(), 'UnknownConnectionTarget');
  });

  test('does not fail when the target is a placeholder', () => {
    const def = rag();
    connectionOf(def, 'AnswerToOutput').target = '${OutputName}';
    expectNone(def, 'UnknownConnectionTarget');
  });
});
