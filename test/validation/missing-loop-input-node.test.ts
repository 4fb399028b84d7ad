import { expectNone, expectOne, fixture, loopBody } from './util';

describe('MissingLoopInputNode', () => {
  test('fails when a loop body has no LoopInput node', () => {
    const def = fixture('example-e-loop');
    const body = loopBody(def);
    body.nodes = body.nodes.filter((n: any) => n.type !== 'LoopInput');
    expectOne(def, 'MissingLoopInputNode', {
      node: 'RefineLoop',
      loopNode: 'RefineLoop',
      message: /the body of Loop node 'RefineLoop' has no LoopInput node: add one .*named like the Loop node's inputs/,
    });
  });

  test('passes when the body has a LoopInput node', () => {
    expectNone(fixture('example-e-loop'), 'MissingLoopInputNode');
  });
});
