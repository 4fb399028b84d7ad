import { expectNone, expectOne, fixture, rag } from './util';

describe('UnfulfilledNodeInput', () => {
  test('fails when an input has no data connection', () => {
    const def = rag();
    def.connections = def.connections.filter(c => c.name !== 'ChunksToAnswer');
    expectOne(def, 'UnfulfilledNodeInput', { node: 'Answer', port: 'context', message: /input 'context' of node 'Answer' has no data connection: connect an output to it/ });
  });

  test('fails when an input is only activated by a conditional connection', () => {
    const def = fixture('example-b-condition-routing');
    def.connections = def.connections.filter((c: any) => c.name !== 'InputToTriage');
    expectOne(def, 'UnfulfilledNodeInput', { node: 'Triage', port: 'ticket', message: /input 'ticket' of node 'Triage' has no data connection/ });
  });

  test('passes when every input is connected', () => {
    expectNone(fixture('example-b-condition-routing'), 'UnfulfilledNodeInput');
    expectNone(fixture('example-e-loop'), 'UnfulfilledNodeInput');
  });
});
