import { collectorNode, conditionNode, data, flow, inputNode, iteratorNode, lambdaNode, outputNode, promptNode, when } from './definitions';
import { FlowSimulator, PromptRequest } from '../../src/testing';

/** Input → EachItem (Iterator over $.data.items) → Shout (Prompt: item, and tone from the Input) → per-item Output, or a Collector. */
function shoutFlow(withCollector: boolean) {
  const nodes = [
    inputNode('Object'),
    iteratorNode('EachItem', 'String', '$.data.items'),
    promptNode('Shout', 'Say {{item}} in a {{tone}} voice', [['item', 'String'], ['tone', 'String', '$.data.tone']]),
  ];
  const connections = [
    data('FlowInput', 'document', 'EachItem', 'array'),
    data('EachItem', 'arrayItem', 'Shout', 'item'),
    data('FlowInput', 'document', 'Shout', 'tone'),
  ];
  if (withCollector) {
    nodes.push(collectorNode('Gather', 'String'), outputNode('All', 'Array'));
    connections.push(
      data('Shout', 'modelCompletion', 'Gather', 'arrayItem'),
      data('EachItem', 'arraySize', 'Gather', 'arraySize'),
      data('Gather', 'collectedArray', 'All', 'document'),
    );
  } else {
    nodes.push(outputNode('Each'));
    connections.push(data('Shout', 'modelCompletion', 'Each', 'document'));
  }
  return flow(nodes, connections);
}

const upper = ({ inputs }: PromptRequest) => String(inputs.item).toUpperCase();

describe('FlowSimulator Iterator without a Collector', () => {
  test('runs the downstream nodes once per item and yields one output event per item, in order', async () => {
    // GIVEN
    const prompts: string[] = [];
    const simulator = new FlowSimulator(shoutFlow(false), {
      handlers: { Prompt: request => { prompts.push(request.prompt!); return upper(request); } },
    });

    // WHEN
    const result = await simulator.run({ items: ['a', 'b', 'c'], tone: 'loud' });

    // THEN
    expect(result.outputs).toEqual([
      { nodeName: 'Each', nodeType: 'FlowOutputNode', content: { document: 'A' } },
      { nodeName: 'Each', nodeType: 'FlowOutputNode', content: { document: 'B' } },
      { nodeName: 'Each', nodeType: 'FlowOutputNode', content: { document: 'C' } },
    ]);
    expect(prompts).toEqual(['Say a in a loud voice', 'Say b in a loud voice', 'Say c in a loud voice']);
    expect(result.nodeRuns).toEqual({ FlowInput: 1, EachItem: 1, Shout: 3, Each: 3 });
  });

  test('processes the items one at a time: each item reaches the Output before the next item starts', async () => {
    // GIVEN
    const order: string[] = [];
    const simulator = new FlowSimulator(shoutFlow(false), {
      handlers: { Prompt: async request => { order.push(`prompt ${request.inputs.item}`); await new Promise(r => setTimeout(r, 1)); return upper(request); } },
    });

    // WHEN
    const result = await simulator.run({ items: ['a', 'b'], tone: 'soft' });

    // THEN
    const events = result.events.flatMap(e => 'flowOutputEvent' in e ? [`output ${e.flowOutputEvent.content.document}`] : []);
    expect(order).toEqual(['prompt a', 'prompt b']);
    expect(events).toEqual(['output A', 'output B']);
    const shoutInputs = result.traces.flatMap(t => 'nodeInputTrace' in t && t.nodeInputTrace.nodeName === 'Shout' ? [t.nodeInputTrace] : []);
    expect(shoutInputs.map(t => t.fields[0].executionChain)).toEqual([
      [{ nodeName: 'EachItem', index: 0, type: 'Iterator' }],
      [{ nodeName: 'EachItem', index: 1, type: 'Iterator' }],
    ]);
  });

  test('runs a node once per item when its other input comes from the enclosing context after the items', async () => {
    // GIVEN: the tone comes from a Lambda node that runs after the Iterator has emitted its first item
    const definition = flow(
      [
        inputNode('Object'),
        iteratorNode('EachItem', 'String', '$.data.items'),
        lambdaNode('PickTone', [['doc', 'Object']], 'String'),
        promptNode('Shout', 'Say {{item}} in a {{tone}} voice', [['item', 'String'], ['tone', 'String']]),
        outputNode('Each'),
      ],
      [
        data('FlowInput', 'document', 'EachItem', 'array'),
        data('FlowInput', 'document', 'PickTone', 'doc'),
        data('EachItem', 'arrayItem', 'Shout', 'item'),
        data('PickTone', 'functionResponse', 'Shout', 'tone'),
        data('Shout', 'modelCompletion', 'Each', 'document'),
      ],
    );
    const simulator = new FlowSimulator(definition, { handlers: { LambdaFunction: () => 'calm', Prompt: ({ prompt }) => prompt! } });

    // WHEN
    const result = await simulator.run({ items: ['a', 'b', 'c'] });

    // THEN
    expect(result.outputsByNode.Each).toEqual(['Say a in a calm voice', 'Say b in a calm voice', 'Say c in a calm voice']);
    expect(result.nodeRuns).toMatchObject({ PickTone: 1, Shout: 3 });
  });

  test('passes the executionChain of the item to handlers', async () => {
    // GIVEN
    const chains: unknown[] = [];
    const simulator = new FlowSimulator(shoutFlow(false), {
      handlers: { Prompt: request => { chains.push(request.executionChain); return 'x'; } },
    });

    // WHEN
    await simulator.run({ items: ['a', 'b'], tone: 'soft' });

    // THEN
    expect(chains).toEqual([[{ nodeName: 'EachItem', index: 0, type: 'Iterator' }], [{ nodeName: 'EachItem', index: 1, type: 'Iterator' }]]);
  });
});

describe('FlowSimulator Iterator with a Collector', () => {
  test('collects arrayItem until arraySize items and emits collectedArray once, in item order', async () => {
    // GIVEN
    const simulator = new FlowSimulator(shoutFlow(true), { handlers: { Prompt: upper } });

    // WHEN
    const result = await simulator.run({ items: ['a', 'b', 'c'], tone: 'loud' });

    // THEN
    expect(result.outputs).toEqual([{ nodeName: 'All', nodeType: 'FlowOutputNode', content: { document: ['A', 'B', 'C'] } }]);
    expect(result.nodeRuns).toEqual({ FlowInput: 1, EachItem: 1, Shout: 3, Gather: 3, All: 1 });
  });

  test('emits an empty collectedArray for an empty array', async () => {
    // GIVEN
    const handler = jest.fn(upper);
    const simulator = new FlowSimulator(shoutFlow(true), { handlers: { Prompt: handler } });

    // WHEN
    const result = await simulator.run({ items: [], tone: 'loud' });

    // THEN
    expect(handler).not.toHaveBeenCalled();
    expect(result.outputsByNode).toEqual({ All: [[]] });
  });

  test('collects nested iterations separately for each outer item', async () => {
    // GIVEN: Outer → Inner (Iterator over each row) → Double (Lambda) → InnerGather → OuterGather → Output
    const definition = flow(
      [
        inputNode('Array'),
        iteratorNode('Outer', 'Array'),
        iteratorNode('Inner', 'Number'),
        lambdaNode('Double', [['value', 'Number']], 'Number'),
        collectorNode('InnerGather', 'Number'),
        collectorNode('OuterGather', 'Array'),
        outputNode('Matrix', 'Array'),
      ],
      [
        data('FlowInput', 'document', 'Outer', 'array'),
        data('Outer', 'arrayItem', 'Inner', 'array'),
        data('Inner', 'arrayItem', 'Double', 'value'),
        data('Double', 'functionResponse', 'InnerGather', 'arrayItem'),
        data('Inner', 'arraySize', 'InnerGather', 'arraySize'),
        data('InnerGather', 'collectedArray', 'OuterGather', 'arrayItem'),
        data('Outer', 'arraySize', 'OuterGather', 'arraySize'),
        data('OuterGather', 'collectedArray', 'Matrix', 'document'),
      ],
    );
    const simulator = new FlowSimulator(definition, { handlers: { LambdaFunction: event => (event.node.inputs[0].value as number) * 2 } });

    // WHEN
    const result = await simulator.run([[1, 2], [3], [4, 5, 6]]);

    // THEN
    expect(result.outputsByNode).toEqual({ Matrix: [[[2, 4], [6], [8, 10, 12]]] });
    expect(result.nodeRuns.Double).toBe(6);
  });

  test('fails when a Collector receives items outside of an Iterator', async () => {
    // GIVEN: the Collector is fed straight from the Input node
    const definition = flow(
      [inputNode('Object'), collectorNode('Gather', 'Object'), outputNode('All', 'Array')],
      [
        data('FlowInput', 'document', 'Gather', 'arrayItem'),
        data('FlowInput', 'document', 'Gather', 'arraySize'),
        data('Gather', 'collectedArray', 'All', 'document'),
      ],
    );
    definition.nodes![1].inputs![1] = { name: 'arraySize', type: 'Number', expression: '$.data.size' };
    const simulator = new FlowSimulator(definition);

    // WHEN / THEN
    await expect(simulator.run({ size: 1 })).rejects.toThrow("Collector node 'Gather': it ran outside the items of an Iterator");
  });

  test('fails when not every item reaches the Collector', async () => {
    // GIVEN: only items equal to "keep" are activated into the Collector
    const definition = flow(
      [
        inputNode('Array'),
        iteratorNode('EachItem', 'String'),
        conditionNode('Keep', [['item', 'String']], [['Yes', 'item == "keep"']]),
        collectorNode('Gather', 'String'),
        outputNode('Kept', 'Array'),
      ],
      [
        data('FlowInput', 'document', 'EachItem', 'array'),
        data('EachItem', 'arrayItem', 'Keep', 'item'),
        when('Keep', 'Yes', 'Gather'),
        data('EachItem', 'arrayItem', 'Gather', 'arrayItem'),
        data('EachItem', 'arraySize', 'Gather', 'arraySize'),
        data('Gather', 'collectedArray', 'Kept', 'document'),
      ],
    );
    const simulator = new FlowSimulator(definition);

    // WHEN / THEN
    await expect(simulator.run(['keep', 'drop', 'keep'])).rejects.toThrow("Collector node 'Gather': it received 2 of the 3 items (its arraySize) "
      + "of Iterator 'EachItem', so it never emitted collectedArray");
  });

  // speed is measured by `npm run bench` (simulator_items_per_s), not here
  test('collects all 1,000 items of a large Iterator → Prompt → Collector flow in order', async () => {
    // GIVEN
    const simulator = new FlowSimulator(shoutFlow(true), { handlers: { Prompt: upper } });
    const items = Array.from({ length: 1000 }, (_, i) => `item${i}`);

    // WHEN
    const result = await simulator.run({ items, tone: 'flat' });

    // THEN
    expect(result.outputsByNode.All[0]).toHaveLength(1000);
    expect((result.outputsByNode.All[0] as string[])[999]).toBe('ITEM999');
  });
});
