import { conditional, data, expectNone, expectOne, fixture, nodeOf, rag } from './util';
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

  test('checks a node with many inputs, one of them fed from a node that does not exist', () => {
    // GIVEN 20 inputs (more than a short search covers), a connection from nowhere, and a repeat
    const def = rag();
    const answer = nodeOf(def, 'Answer');
    answer.inputs.push(...Array.from({ length: 18 }, (_, i) => ({ name: `more${i}`, type: 'String', expression: '$.data' })));
    def.connections.unshift(data('Ghost', 'Nowhere', 'document', 'Answer', 'more0')); // before the connections it is compared with
    def.connections.push(...Array.from({ length: 18 }, (_, i) => data(`More${i}`, 'FlowInput', 'document', 'Answer', `more${i}`)));
    def.connections.push(data('More3Again', 'FlowInput', 'document', 'Answer', 'more3'));

    // WHEN / THEN the repeat is found, and the connection from nowhere is left to UnknownConnectionSource
    expectOne(def, 'DuplicateConnections', { severity: FlowValidationSeverity.WARNING, connection: 'More3Again', message: /repeats connection 'More3'/ });
  });
});
