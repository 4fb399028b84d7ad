import { data, EXAMPLES, expectNone, expectOne, fixture, rag } from './util';
import { FlowValidationSeverity } from '../../src';

describe('CyclicConnection', () => {
  test('fails when a connection loops back to an earlier node', () => {
    const def = rag();
    def.connections.push(data('AnswerBack', 'Answer', 'modelCompletion', 'FindChunks', 'retrievalQuery'));
    expectOne(def, 'CyclicConnection', {
      severity: FlowValidationSeverity.ERROR,
      connection: 'AnswerBack',
      node: 'FindChunks',
      message: /connection 'AnswerBack' \(Answer → FindChunks\) closes a cycle.*Iterator\/Collector or a Loop node/,
    });
  });

  test('fails when a node feeds itself', () => {
    const def = rag();
    def.connections.push(data('Self', 'Answer', 'modelCompletion', 'Answer', 'question'));
    expectOne(def, 'CyclicConnection', { connection: 'Self', node: 'Answer', message: /closes a cycle/ });
  });

  test.each(EXAMPLES)('passes for %s (fan-out and fan-in without cycles)', (name) => {
    expectNone(fixture(name), 'CyclicConnection');
  });
});
