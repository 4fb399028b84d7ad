import { expectNone, expectOne, fixture, loopBody, nodeOf } from './util';

describe('MultipleLoopInputNodes', () => {
  test('fails when a loop body has two LoopInput nodes', () => {
    const def = fixture('example-e-loop');
    const body = loopBody(def);
    body.nodes.push({ ...nodeOf(body, 'LoopStart'), name: 'LoopStartTwo' });
    expectOne(def, 'MultipleLoopInputNodes', {
      node: 'LoopStartTwo',
      loopNode: 'RefineLoop',
      message: /the body of Loop node 'RefineLoop' has 2 LoopInput nodes \('LoopStart', 'LoopStartTwo'\); a loop body has exactly one/,
    });
  });

  test('passes when the body has one LoopInput node', () => {
    expectNone(fixture('example-e-loop'), 'MultipleLoopInputNodes');
  });
});
