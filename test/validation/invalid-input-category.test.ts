import { expectNone, expectOne, fixture, loopBody, nodeOf, rag } from './util';
import { FlowValidationSeverity } from '../../src';

describe('InvalidInputCategory', () => {
  test('fails when an input of a node other than LoopController has a category', () => {
    const def = rag();
    nodeOf(def, 'Answer').inputs[0].category = 'LoopCondition';
    expectOne(def, 'InvalidInputCategory', {
      node: 'Answer',
      port: 'question',
      message: /input 'question' of Prompt node 'Answer' has category 'LoopCondition'; categories are only for LoopController inputs: remove it/,
    });
  });

  test('warns when a LoopController input has no category', () => {
    const def = fixture('example-e-loop');
    delete nodeOf(loopBody(def), 'LoopGate').inputs[1].category;
    expectOne(def, 'InvalidInputCategory', {
      severity: FlowValidationSeverity.WARNING,
      node: 'LoopGate',
      port: 'loopInput',
      loopNode: 'RefineLoop',
      message: /input 'loopInput' of LoopController node 'LoopGate' has no category: set category to LoopCondition/,
    });
  });

  test('passes when only LoopController inputs have categories', () => {
    expectNone(fixture('example-e-loop'), 'InvalidInputCategory');
  });
});
