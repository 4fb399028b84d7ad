import { conditional, data, expectNone, expectOne, fixture, rag } from './util';
import { FlowValidationSeverity } from '../../src';

describe('DuplicateConnections', () => {
  test('warns when two connections carry the same output to the same input', () => {
    const def = rag();
    def.connections.push(data('ChunksToAnswerAgain', 'FindChunks', 'retrievalResults', 'Answer', 'context'));
    expectOne(def, 'DuplicateConnections', {
      severity: FlowValidationSeverity.WARNING,
      connection: 'ChunksToAnswerAgain',
      node: 'Answer',
      message: /connection 'ChunksToAnswerAgain' repeats connection 'ChunksToAnswer' \(FindChunks → Answer, output 'retrievalResults' to input 'context'\): remove one of them/,
    });
  });

  test('warns when two conditional connections carry the same condition to the same node', () => {
    const def = fixture('example-b-condition-routing');
    def.connections.push(conditional('RouteBillingAgain', 'Route', 'BillingAgent', 'Billing'));
    expectOne(def, 'DuplicateConnections', { severity: FlowValidationSeverity.WARNING, connection: 'RouteBillingAgain', message: /condition 'Billing'/ });
  });

  test('passes when connections between one pair of nodes use different ports', () => {
    expectNone(fixture('example-b-condition-routing'), 'DuplicateConnections'); // FlowInput → Route twice
    expectNone(fixture('example-e-loop'), 'DuplicateConnections'); // Score → LoopGate three times
  });
});
