import { data, expectNone, expectOne, findingsOf, fixture, loopBody, nodeOf } from './util';

describe('InvalidLoopBoundary', () => {
  test('fails when an outer connection reaches into a loop body', () => {
    const def = fixture('example-e-loop');
    def.connections.push(data('InputToImprove', 'FlowInput', 'document', 'Improve', 'draft'));
    expectOne(def, 'InvalidLoopBoundary', {
      connection: 'InputToImprove',
      loopNode: undefined,
      message: /connection 'InputToImprove' \(FlowInput → Improve\) of the flow reaches into the body of Loop node 'RefineLoop': connect to the Loop node's inputs instead/,
    });
    expectNone(def, 'UnknownConnectionTarget');
  });

  test('fails when a connection of a loop body reaches a node outside the loop', () => {
    const def = fixture('example-e-loop');
    loopBody(def).connections.push(data('ImproveToOutput', 'Improve', 'modelCompletion', 'FlowOutput', 'document'));
    expectOne(def, 'InvalidLoopBoundary', {
      connection: 'ImproveToOutput',
      loopNode: 'RefineLoop',
      message: /connection 'ImproveToOutput' \(Improve → FlowOutput\) of the body of Loop node 'RefineLoop' reaches 'FlowOutput' outside the loop/,
    });
    expectNone(def, 'UnknownConnectionTarget');
  });

  test('fails when a connection goes into LoopInput or out of LoopController', () => {
    const def = fixture('example-e-loop');
    loopBody(def).connections.push(data('Back', 'LoopGate', 'loopInput', 'LoopStart', 'loopInput'));
    expect(findingsOf(def, 'InvalidLoopBoundary').map(f => f.message)).toEqual([
      expect.stringMatching(/goes into LoopInput node 'LoopStart', which takes no inputs: feed the next iteration through a ReturnValueToLoopStart input/),
      expect.stringMatching(/leaves LoopController node 'LoopGate', which has no outputs: values leave the loop through its ExitLoop inputs/),
    ]);
  });

  test('fails when a LoopInput or LoopController node is outside any loop', () => {
    const def = fixture('example-e-loop');
    def.nodes.push(nodeOf(loopBody(def), 'LoopStart'));
    expectOne(def, 'InvalidLoopBoundary', { node: 'LoopStart', loopNode: undefined, message: /LoopInput node 'LoopStart' is outside any loop: .*move it there/ });
  });

  test('passes when connections stay in their scope', () => {
    expectNone(fixture('example-e-loop'), 'InvalidLoopBoundary');
  });
});
