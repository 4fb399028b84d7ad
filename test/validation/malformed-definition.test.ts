import { connectionOf, expectNone, findingsOf, nodeOf, rag, token } from './util';
import { FlowValidationSeverity, validateFlowDefinition } from '../../src';

describe('MalformedDefinition', () => {
  test('fails when the definition is not an object', () => {
    expect(validateFlowDefinition([] as any)).toEqual([{
      type: 'MalformedDefinition',
      severity: FlowValidationSeverity.ERROR,
      message: "the definition must be an object with 'nodes' and 'connections', got an array",
    }]);
  });

  test('fails when nodes or connections are not arrays', () => {
    const found = findingsOf({ nodes: {}, connections: 'none' }, 'MalformedDefinition');
    expect(found.map(f => f.message)).toEqual([
      expect.stringMatching(/'nodes' of the flow is \{\}, not an array: make it a list of node objects/),
      expect.stringMatching(/'connections' of the flow is 'none', not an array/),
    ]);
  });

  test('fails when a node, input or output is not an object', () => {
    const def = rag();
    def.nodes.push('FlowOutput2');
    nodeOf(def, 'Answer').inputs.push(null);
    nodeOf(def, 'FindChunks').outputs = 'retrievalResults';
    const found = findingsOf(def, 'MalformedDefinition');
    expect(found.map(f => [f.node, f.message])).toEqual([
      ['FindChunks', expect.stringMatching(/'outputs' of node 'FindChunks' is 'retrievalResults', not an array/)],
      ['Answer', expect.stringMatching(/input #3 of node 'Answer' is null, not an object: write it as \{ name, type, expression \}/)],
      [undefined, expect.stringMatching(/node #5 of the flow is 'FlowOutput2', not an object/)],
    ]);
  });

  test('fails when a connection has no source', () => {
    const def = rag();
    delete connectionOf(def, 'ChunksToAnswer').source;
    const [f] = findingsOf(def, 'MalformedDefinition');
    expect(f).toMatchObject({ connection: 'ChunksToAnswer', message: expect.stringMatching(/connection 'ChunksToAnswer' of the flow has no source \(\(missing\)\): set 'source' to the name of a node/) });
  });

  test('passes when the shape is right, and when nodes and connections are absent', () => {
    expectNone(rag(), 'MalformedDefinition');
    expectNone({}, 'MalformedDefinition');
  });

  test('does not fail when a list is a token', () => {
    const def = rag();
    nodeOf(def, 'Answer').inputs = token() as any;
    expectNone(def, 'MalformedDefinition');
  });
});
