import { expectNone, expectOne, fixture, loopBody, nodeOf } from './util';

describe('MultipleLoopControllerNodes', () => {
  test('fails when a loop body has two LoopController nodes', () => {
    const def = fixture('example-e-loop');
    const body = loopBody(def);
    body.nodes.push({ ...nodeOf(body, 'LoopGate'), name: 'LoopGateTwo' });
    expectOne(def, 'MultipleLoopControllerNodes', {
      node: 'LoopGateTwo',
      loopNode: 'RefineLoop',
      message: /has 2 LoopController nodes \('LoopGate', 'LoopGateTwo'\); a loop body has exactly one/,
    });
  });

  test('passes when the body has one LoopController node', () => {
    expectNone(fixture('example-e-loop'), 'MultipleLoopControllerNodes');
  });
});
