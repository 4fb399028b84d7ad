import { expectNone, expectOne, fixture, loopBody, nodeOf, outputNode } from './util';
import { FlowValidationSeverity } from '../../src';

describe('LoopIncompatibleNodeType', () => {
  test.each(['Input', 'Condition', 'Iterator', 'Collector'])('fails when a loop body holds a %s node', (type) => {
    const def = fixture('example-e-loop');
    loopBody(def).nodes.push({ name: 'Intruder', type, configuration: { [type.charAt(0).toLowerCase() + type.slice(1)]: {} } });
    expectOne(def, 'LoopIncompatibleNodeType', {
      node: 'Intruder',
      loopNode: 'RefineLoop',
      message: new RegExp(`${type} node 'Intruder' is in the body of Loop node 'RefineLoop', where ${type} nodes are not allowed: move it out of the loop`),
    });
  });

  test('warns when a loop body holds an Output or a nested Loop node', () => {
    const def = fixture('example-e-loop');
    loopBody(def).nodes.push(outputNode('BodyOutput'));
    expectOne(def, 'LoopIncompatibleNodeType', {
      severity: FlowValidationSeverity.WARNING,
      node: 'BodyOutput',
      message: /whether a loop body may hold Output nodes is not documented: return values through the LoopController's ExitLoop inputs/,
    });
    const nested = fixture('example-e-loop');
    loopBody(nested).nodes.push({ ...nodeOf(fixture('example-e-loop'), 'RefineLoop'), name: 'Inner' });
    expectOne(nested, 'LoopIncompatibleNodeType', { severity: FlowValidationSeverity.WARNING, node: 'Inner', message: /Loop nodes is not documented/ });
  });

  test('passes for a body of LoopInput, Prompt, InlineCode and LoopController nodes', () => {
    expectNone(fixture('example-e-loop'), 'LoopIncompatibleNodeType');
  });
});
