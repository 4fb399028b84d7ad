import { expectNone, expectOne, EXAMPLES, findingsOf, fixture, loopBody, rag } from './util';

describe('UnreachableNode', () => {
  test('fails when no connection reaches a node', () => {
    const def = rag();
    def.connections = def.connections.filter(c => c.target !== 'FindChunks');
    expectOne(def, 'UnreachableNode', {
      node: 'FindChunks',
      message: /node 'FindChunks' cannot be reached from the Input node of the flow: connect an output that is reached to one of its inputs/,
    });
  });

  test('fails when a node of a loop body cannot be reached from the LoopInput node', () => {
    const def = fixture('example-e-loop');
    const body = loopBody(def);
    body.connections = body.connections.filter((c: any) => c.name !== 'StartToImprove');
    const found = findingsOf(def, 'UnreachableNode');
    expect(found.map(f => [f.node, f.loopNode])).toEqual([['Improve', 'RefineLoop'], ['Score', 'RefineLoop'], ['LoopGate', 'RefineLoop']]);
    expect(found[0].message).toMatch(/node 'Improve' cannot be reached from the LoopInput node of the body of Loop node 'RefineLoop'/);
  });

  test.each(EXAMPLES)('passes for %s', (name) => {
    expectNone(fixture(name), 'UnreachableNode');
  });
});
