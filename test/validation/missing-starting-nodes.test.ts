import { expectNone, expectOne, fixture, rag } from './util';

describe('MissingStartingNodes', () => {
  test('fails when the flow has no Input node', () => {
    const def = rag();
    def.nodes.shift();
    expectOne(def, 'MissingStartingNodes', { message: /the flow has no Input node: add one/ });
  });

  test('fails when the flow has two Input nodes', () => {
    const def = rag();
    def.nodes.push({ ...def.nodes[0], name: 'SecondInput' });
    expectOne(def, 'MissingStartingNodes', { node: 'SecondInput', message: /the flow has 2 Input nodes \('FlowInput', 'SecondInput'\); a flow has exactly one/ });
  });

  test('passes when the flow has one Input node, and loop bodies start at LoopInput', () => {
    expectNone(rag(), 'MissingStartingNodes');
    expectNone(fixture('example-e-loop'), 'MissingStartingNodes');
  });
});
