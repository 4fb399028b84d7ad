import { data, flow, inputNode, lambdaNode, outputNode, promptNode } from './definitions';
import { FlowSimulationError, FlowSimulator, LambdaFunctionEvent } from '../../src/testing';

/** Input → Lambda 'Pick' (one input per expression) → Output: the handler echoes its input values. */
function pickFlow(ports: [name: string, type: string, expression: string][]) {
  return flow(
    [inputNode('Object'), lambdaNode('Pick', ports, 'Object'), outputNode('Picked', 'Object')],
    [...ports.map(([name]) => data('FlowInput', 'document', 'Pick', name)), data('Pick', 'functionResponse', 'Picked', 'document')],
  );
}

const echo = (event: LambdaFunctionEvent) => Object.fromEntries(event.node.inputs.map(i => [i.name, i.value]));

const DOCUMENT = {
  numbers: [10, 20, 30, 40, 50],
  owner: { name: 'Ana' },
  zoo: { north: { count: 3 }, south: { count: 5 } },
  items: [{ id: 'a' }, { id: 'b' }],
};

describe('FlowSimulator input expressions', () => {
  test('applies each input expression of the JsonPath subset to the connected output value', async () => {
    // GIVEN
    const simulator = new FlowSimulator(pickFlow([
      ['whole', 'Object', '$.data'],
      ['field', 'String', '$.data.owner.name'],
      ['index', 'Number', '$.data.numbers[2]'],
      ['indexList', 'Array', '$.data.numbers[0, 3]'],
      ['slice', 'Array', '$.data.numbers[1:3]'],
      ['openEnd', 'Array', '$.data.numbers[3:]'],
      ['openStart', 'Array', '$.data.numbers[:2]'],
      ['wildName', 'Array', '$.data.zoo.*.count'],
      ['wildIndex', 'Array', '$.data.items[*].id'],
    ]), { handlers: { LambdaFunction: echo } });

    // WHEN
    const result = await simulator.run(DOCUMENT);

    // THEN
    expect(result.outputsByNode.Picked).toEqual([{
      whole: DOCUMENT,
      field: 'Ana',
      index: 30,
      indexList: [10, 40],
      slice: [20, 30],
      openEnd: [40, 50],
      openStart: [10, 20],
      wildName: [3, 5],
      wildIndex: ['a', 'b'],
    }]);
  });

  test('fails when an expression selects nothing, naming the node, the input and the source', async () => {
    // GIVEN
    const simulator = new FlowSimulator(pickFlow([['missing', 'String', '$.data.owner.email']]), { handlers: { LambdaFunction: echo } });

    // WHEN
    const run = simulator.run(DOCUMENT);

    // THEN
    await expect(run).rejects.toThrow("LambdaFunction node 'Pick': input 'missing': the expression '$.data.owner.email' selects nothing "
      + "in the value of output 'document' of 'FlowInput'");
    await expect(run).rejects.toBeInstanceOf(FlowSimulationError);
    await expect(run).rejects.toMatchObject({ nodeName: 'Pick', nodeType: 'LambdaFunction' });
  });
});

describe('FlowSimulator run-time type checks', () => {
  test('fails when an input value does not have the declared type', async () => {
    // GIVEN
    const simulator = new FlowSimulator(pickFlow([['count', 'Number', '$.data.owner.name']]), { handlers: { LambdaFunction: echo } });

    // WHEN
    const run = simulator.run(DOCUMENT);

    // THEN
    await expect(run).rejects.toThrow("LambdaFunction node 'Pick': input 'count' is declared Number, but its value is a String (\"Ana\") "
      + "(expression '$.data.owner.name' on the output 'document' of 'FlowInput')");
  });

  test('fails when a handler returns a value that does not have the declared output type', async () => {
    // GIVEN
    const definition = flow(
      [inputNode('Object'), lambdaNode('Enrich', [['doc', 'Object']], 'String'), outputNode('Out', 'String')],
      [data('FlowInput', 'document', 'Enrich', 'doc'), data('Enrich', 'functionResponse', 'Out', 'document')],
    );
    const simulator = new FlowSimulator(definition, { handlers: { LambdaFunction: () => ({ not: 'a string' }) } });

    // WHEN
    const run = simulator.run({});

    // THEN
    await expect(run).rejects.toThrow("the handler of LambdaFunction node 'Enrich' returned an Object ({\"not\":\"a string\"}) "
      + "for output 'functionResponse', which is declared String");
  });

  test('fails when a Prompt handler returns something other than a String completion', async () => {
    // GIVEN
    const definition = flow(
      [inputNode('String'), promptNode('Ask', 'Q: {{question}}', [['question', 'String']]), outputNode('Out')],
      [data('FlowInput', 'document', 'Ask', 'question'), data('Ask', 'modelCompletion', 'Out', 'document')],
    );
    const simulator = new FlowSimulator(definition, { handlers: { Prompt: () => 42 } });

    // WHEN / THEN
    await expect(simulator.run('why?')).rejects.toThrow("the handler of Prompt node 'Ask' returned a Number (42) for output 'modelCompletion', "
      + 'which is declared String');
  });

  test('fails when the input document does not have the Input node\'s declared type', async () => {
    // GIVEN
    const definition = flow([inputNode('Object'), outputNode('Out', 'Object')], [data('FlowInput', 'document', 'Out', 'document')]);
    const simulator = new FlowSimulator(definition);

    // WHEN / THEN
    await expect(simulator.run('just text')).rejects.toThrow("the input document is a String (\"just text\"), but Input node 'FlowInput' "
      + "declares its output 'document' as Object");
  });

  test('accepts values of every declared type', async () => {
    // GIVEN
    const simulator = new FlowSimulator(pickFlow([
      ['str', 'String', '$.data.str'], ['num', 'Number', '$.data.num'], ['bool', 'Boolean', '$.data.bool'],
      ['obj', 'Object', '$.data.obj'], ['arr', 'Array', '$.data.arr'],
    ]), { handlers: { LambdaFunction: echo } });
    const document = { str: 'x', num: 1.5, bool: false, obj: {}, arr: [] };

    // WHEN
    const result = await simulator.run(document);

    // THEN
    expect(result.outputsByNode.Picked).toEqual([document]);
  });
});
