import { expectNone, expectOne, fixture, loopBody } from './util';

describe('MissingLoopControllerNode', () => {
  test('fails when a loop body has no LoopController node', () => {
    const def = fixture('example-e-loop');
    const body = loopBody(def);
    body.nodes = body.nodes.filter((n: any) => n.type !== 'LoopController');
    expectOne(def, 'MissingLoopControllerNode', {
      node: 'RefineLoop',
      loopNode: 'RefineLoop',
      message: /the body of Loop node 'RefineLoop' has no LoopController node: add one with a continueCondition/,
    });
  });

  test('passes when the body has a LoopController node', () => {
    expectNone(fixture('example-e-loop'), 'MissingLoopControllerNode');
  });
});
