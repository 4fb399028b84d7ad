import { expectNone, expectOne, findingsOf, fixture, loopBody, nodeOf, rag, token } from './util';

describe('InvalidName', () => {
  test('fails when a node name has a hyphen', () => {
    const def = rag();
    nodeOf(def, 'FindChunks').name = 'find-chunks';
    expectOne(def, 'InvalidName', { message: /node #2 has an invalid name 'find-chunks': use letters, digits and single underscores between them/ });
  });

  test('fails when a node name is a single letter, or has a double or trailing underscore', () => {
    const def = rag();
    def.nodes[1].name = 'F';
    def.nodes[2].name = 'Ans__wer';
    def.nodes[3].name = 'Out_';
    expect(findingsOf(def, 'InvalidName').map(f => f.message)).toEqual([
      expect.stringMatching(/node #2 has an invalid name 'F'/),
      expect.stringMatching(/node #3 has an invalid name 'Ans__wer'/),
      expect.stringMatching(/node #4 has an invalid name 'Out_'/),
    ]);
  });

  test('fails when an input name is invalid', () => {
    const def = rag();
    nodeOf(def, 'Answer').inputs[0].name = 'the question';
    expectOne(def, 'InvalidName', { node: 'Answer', port: 'the question', message: /node 'Answer' has an input with an invalid name 'the question'/ });
  });

  test('fails when an output name is missing', () => {
    const def = rag();
    delete nodeOf(def, 'Answer').outputs[0].name;
    expectOne(def, 'InvalidName', { node: 'Answer', message: /node 'Answer' has an output with an invalid name \(missing\)/ });
  });

  test('fails when a condition name is invalid', () => {
    const def = fixture('example-b-condition-routing');
    nodeOf(def, 'Route').configuration.condition.conditions[0].name = '1Billing';
    expectOne(def, 'InvalidName', { node: 'Route', message: /node 'Route' has a condition with an invalid name '1Billing'/ });
  });

  test("fails when a LoopController's continue condition name is invalid", () => {
    const def = fixture('example-e-loop');
    nodeOf(loopBody(def), 'LoopGate').configuration.loopController.continueCondition.name = 'needs-work';
    expectOne(def, 'InvalidName', { node: 'LoopGate', loopNode: 'RefineLoop', message: /has a condition with an invalid name 'needs-work'/ });
  });

  test('passes when every name is valid', () => {
    expectNone(fixture('example-e-loop'), 'InvalidName');
    expectNone(fixture('example-b-condition-routing'), 'InvalidName');
  });

  test('does not fail when a name is a token or a placeholder', () => {
    const def = rag();
    nodeOf(def, 'FindChunks').name = token('find-chunks');
    nodeOf(def, 'Answer').inputs[0].name = '${QuestionInput}';
    expectNone(def, 'InvalidName');
  });
});
