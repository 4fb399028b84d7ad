import { expectNone, expectOne, fixture, rag } from './util';

describe('MissingEndingNodes', () => {
  test('fails when the flow has no Output node', () => {
    const def = rag();
    def.nodes = def.nodes.filter(n => n.type !== 'Output');
    def.connections = def.connections.filter(c => c.target !== 'FlowOutput');
    expectOne(def, 'MissingEndingNodes', { node: undefined, message: /the flow has no Output node: add one/ });
  });

  test('passes when the flow has an Output node', () => {
    expectNone(rag(), 'MissingEndingNodes');
  });

  test('passes for a loop body, which ends at its LoopController', () => {
    expectNone(fixture('example-e-loop'), 'MissingEndingNodes');
  });
});
