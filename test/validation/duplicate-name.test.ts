import { expectNone, expectOne, fixture, loopBody, nodeOf, outputNode, rag, token } from './util';
import { FlowValidationSeverity } from '../../src';

describe('DuplicateName', () => {
  test('fails when two nodes have the same name', () => {
    const def = rag();
    def.nodes.push(outputNode('FlowOutput'));
    expectOne(def, 'DuplicateName', { node: 'FlowOutput', message: /node name 'FlowOutput' is used by more than one node of the flow: .*give each node its own name/ });
  });

  test('fails when a node has two inputs of the same name', () => {
    const def = rag();
    nodeOf(def, 'Answer').inputs.push({ name: 'question', type: 'String', expression: '$.data' });
    expectOne(def, 'DuplicateName', { node: 'Answer', port: 'question', message: /node 'Answer' has more than one input named 'question'/ });
  });

  test('fails when a node has two outputs or two conditions of the same name', () => {
    const def = fixture('example-b-condition-routing');
    nodeOf(def, 'Route').configuration.condition.conditions[1].name = 'Billing';
    expectOne(def, 'DuplicateName', { node: 'Route', message: /node 'Route' has more than one condition named 'Billing'/ });
    const other = rag();
    nodeOf(other, 'Answer').outputs.push({ name: 'modelCompletion', type: 'String' });
    expectOne(other, 'DuplicateName', { node: 'Answer', port: 'modelCompletion', message: /more than one output named 'modelCompletion'/ });
  });

  test('warns when a node of a loop body has the name of a node outside the loop', () => {
    const def = fixture('example-e-loop');
    const body = loopBody(def);
    nodeOf(body, 'Improve').name = 'FlowOutput';
    body.connections.forEach((c: any) => {
      if (c.source === 'Improve') c.source = 'FlowOutput';
      if (c.target === 'Improve') c.target = 'FlowOutput';
    });
    expectOne(def, 'DuplicateName', {
      severity: FlowValidationSeverity.WARNING,
      node: 'FlowOutput',
      loopNode: 'RefineLoop',
      message: /node 'FlowOutput' of the body of Loop node 'RefineLoop' has the same name as a node outside the loop/,
    });
  });

  test('passes when names are unique', () => {
    expectNone(fixture('example-e-loop'), 'DuplicateName');
    expectNone(fixture('example-b-condition-routing'), 'DuplicateName');
  });

  test('does not fail when names are tokens', () => {
    const def = rag();
    const name = token('Same');
    def.nodes.push({ ...outputNode('x'), name }, { ...outputNode('y'), name });
    expectNone(def, 'DuplicateName');
  });
});
