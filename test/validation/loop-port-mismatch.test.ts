import { expectNone, findingsOf, fixture, loopBody, nodeOf } from './util';
import { FlowValidationSeverity } from '../../src';

describe('LoopPortMismatch', () => {
  test("warns when the LoopInput outputs are not the Loop node's inputs", () => {
    const def = fixture('example-e-loop');
    nodeOf(loopBody(def), 'LoopStart').outputs[0].name = 'draft';
    const found = findingsOf(def, 'LoopPortMismatch');
    expect(found.map(f => [f.severity, f.node, f.port, f.loopNode])).toEqual([
      [FlowValidationSeverity.WARNING, 'LoopStart', 'draft', 'RefineLoop'],
      [FlowValidationSeverity.WARNING, 'LoopStart', 'loopInput', 'RefineLoop'],
      [FlowValidationSeverity.WARNING, 'LoopGate', 'loopInput', 'RefineLoop'],
    ]);
    expect(found[0].message).toMatch(/output 'draft' of LoopInput node 'LoopStart' is not an input of Loop node 'RefineLoop' \(its inputs: 'loopInput'\)/);
    expect(found[1].message).toMatch(/input 'loopInput' of Loop node 'RefineLoop' has no output of the same name on LoopInput node 'LoopStart': add output 'loopInput'/);
    expect(found[2].message).toMatch(/ReturnValueToLoopStart input 'loopInput' of LoopController node 'LoopGate' is not an output of LoopInput node 'LoopStart'/);
  });

  test("warns when the ExitLoop inputs are not the Loop node's outputs", () => {
    const def = fixture('example-e-loop');
    nodeOf(def, 'RefineLoop').outputs[0].name = 'result';
    def.connections[1].configuration.data.sourceOutput = 'result';
    const found = findingsOf(def, 'LoopPortMismatch');
    expect(found.map(f => f.message)).toEqual([
      expect.stringMatching(/ExitLoop input 'loopOutput' of LoopController node 'LoopGate' is not an output of Loop node 'RefineLoop' \(its outputs: 'result'\)/),
      expect.stringMatching(/output 'result' of Loop node 'RefineLoop' has no ExitLoop input of the same name on LoopController node 'LoopGate'/),
    ]);
  });

  test('warns when the continue condition reads an input that is not a LoopCondition input', () => {
    const def = fixture('example-e-loop');
    nodeOf(loopBody(def), 'LoopGate').configuration.loopController.continueCondition.expression = 'loopInput == "x"';
    const found = findingsOf(def, 'LoopPortMismatch');
    expect(found).toHaveLength(1);
    expect(found[0].message).toMatch(/the continue condition of LoopController node 'LoopGate' reads input 'loopInput', whose category is ReturnValueToLoopStart/);
  });

  test('passes when the ports line up', () => {
    expectNone(fixture('example-e-loop'), 'LoopPortMismatch');
  });
});
