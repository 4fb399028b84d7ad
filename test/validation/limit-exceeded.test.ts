import { data, expectNone, expectOne, findingsOf, fixture, loopBody, nodeOf, outputNode, rag } from './util';
import { FlowValidationSeverity } from '../../src';

function withOutputs(count: number, connected = true) {
  const def = rag();
  for (let i = 0; i < count; i++) {
    def.nodes.push(outputNode(`Extra${i}`));
    if (connected) def.connections.push(data(`ToExtra${i}`, 'Answer', 'modelCompletion', `Extra${i}`, 'document'));
  }
  return def;
}

function inlineCode(name: string, inputs = 1) {
  return {
    name,
    type: 'InlineCode',
    configuration: { inlineCode: { language: 'Python_3', code: 'x' } },
    inputs: Array.from({ length: inputs }, (_, i) => ({ name: `in${i}`, type: 'String', expression: '$.data' })),
    outputs: [{ name: 'response', type: 'String' }],
  };
}

describe('LimitExceeded', () => {
  test('fails when a definition has more than 40 nodes', () => {
    expectOne(withOutputs(37, false), 'LimitExceeded', { node: undefined, message: /the flow has 41 nodes; the service allows at most 40: split it/ });
  });

  test('warns when a definition has more than 20 connections (the API model limit)', () => {
    expectOne(withOutputs(17), 'LimitExceeded', {
      severity: FlowValidationSeverity.WARNING,
      message: /the flow has 21 connections; the Bedrock API model documents at most 20 \(CloudFormation accepts 100\)/,
    });
  });

  test('fails when a definition has more than 100 connections', () => {
    const def = rag();
    for (let i = 0; i < 97; i++) def.connections.push(data(`Dup${i}`, 'FlowInput', 'document', 'FindChunks', 'retrievalQuery'));
    const found = findingsOf(def, 'LimitExceeded');
    expect(found.map(f => [f.severity, f.message])).toEqual([[FlowValidationSeverity.ERROR, expect.stringMatching(/101 connections; CloudFormation allows at most 100/)]]);
  });

  test('fails when a node has more than 20 inputs or more than 5 outputs', () => {
    const def = rag();
    const answer = nodeOf(def, 'Answer');
    for (let i = 0; i < 19; i++) answer.inputs.push({ name: `extra${i}`, type: 'String', expression: '$.data' });
    for (let i = 0; i < 5; i++) answer.outputs.push({ name: `out${i}`, type: 'String' });
    expect(findingsOf(def, 'LimitExceeded').map(f => f.message)).toEqual([
      expect.stringMatching(/node 'Answer' has 21 inputs; at most 20 are allowed/),
      expect.stringMatching(/node 'Answer' has 6 outputs; at most 5 are allowed/),
    ]);
  });

  test('fails when a Condition node has more than 5 conditions, or none', () => {
    const def = fixture('example-b-condition-routing');
    const conditions = nodeOf(def, 'Route').configuration.condition.conditions;
    for (let i = 0; i < 3; i++) conditions.unshift({ name: `C${i}`, expression: `priority > ${i}` });
    expectOne(def, 'LimitExceeded', { node: 'Route', message: /Condition node 'Route' has 6 conditions; it needs 1 to 5, 'default' included/ });
    nodeOf(def, 'Route').configuration.condition.conditions = [];
    expectOne(def, 'LimitExceeded', { node: 'Route', message: /has 0 conditions/ });
  });

  test('fails when a flow has more than 5 InlineCode nodes, counting loop bodies', () => {
    const def = fixture('example-e-loop'); // one InlineCode node in the loop body
    for (let i = 0; i < 5; i++) def.nodes.push(inlineCode(`Code${i}`));
    expectOne(def, 'LimitExceeded', { message: /the flow has 6 InlineCode nodes; at most 5 are allowed per flow/ });
  });

  test('warns when an InlineCode node has more than 5 inputs', () => {
    const def = fixture('example-e-loop');
    loopBody(def).nodes.push(inlineCode('Wide', 6));
    expectOne(def, 'LimitExceeded', { severity: FlowValidationSeverity.WARNING, node: 'Wide', loopNode: 'RefineLoop', message: /has 6 inputs; the user guide allows 5/ });
  });

  test('passes when the definition is within the limits', () => {
    expectNone(withOutputs(16), 'LimitExceeded');
  });

  test('is skipped with checkLimits: false', () => {
    expectNone(withOutputs(37), 'LimitExceeded', { checkLimits: false });
    expect(findingsOf(withOutputs(37), 'LimitExceeded')).toHaveLength(2);
  });
});
