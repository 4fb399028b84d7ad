import {
  conditionNode, data, flow, inlineCodeNode, inputNode, knowledgeBaseNode, LAMBDA_ARN, lambdaNode, lexNode, managedPromptNode, MODEL_ID,
  outputNode, promptNode, retrievalNode, storageNode, when,
} from './definitions';
import {
  FlowSimulationError, FlowSimulator, InlineCodeRequest, InMemoryS3, KnowledgeBaseRequest, LambdaFunctionEvent, LambdaFunctionRequest,
  LexRequest, PromptRequest, StorageRequest,
} from '../../src/testing';

/** Input → one node → Output. */
function single(node: ReturnType<typeof promptNode>, inputName: string, outputName: string, inputType = 'Object', outputType = 'String') {
  return flow(
    [inputNode(inputType), node, outputNode('Out', outputType)],
    [data('FlowInput', 'document', node.name, inputName), data(node.name, outputName, 'Out', 'document')],
  );
}

describe('FlowSimulator Prompt handlers', () => {
  test('receive the rendered template (objects as JSON) and the model id', async () => {
    // GIVEN
    const definition = flow(
      [
        inputNode('Object'),
        promptNode('Summarize', 'Summarize for {{audience}}:\n{{contract}} ({{pages}} pages)',
          [['audience', 'String', '$.data.audience'], ['contract', 'Object', '$.data.contract'], ['pages', 'Number', '$.data.pages']]),
        outputNode('Out'),
      ],
      [
        data('FlowInput', 'document', 'Summarize', 'audience'),
        data('FlowInput', 'document', 'Summarize', 'contract'),
        data('FlowInput', 'document', 'Summarize', 'pages'),
        data('Summarize', 'modelCompletion', 'Out', 'document'),
      ],
    );
    const handler = jest.fn((_request: PromptRequest) => 'a summary');
    const simulator = new FlowSimulator(definition, { handlers: { Prompt: handler } });

    // WHEN
    const result = await simulator.run({ audience: 'lawyers', contract: { parties: ['A', 'B'] }, pages: 3 });

    // THEN
    expect(handler).toHaveBeenCalledTimes(1);
    expect(handler.mock.calls[0][0]).toMatchObject({
      nodeName: 'Summarize',
      nodeType: 'Prompt',
      prompt: 'Summarize for lawyers:\n{"parties":["A","B"]} (3 pages)',
      modelId: MODEL_ID,
      inputs: { audience: 'lawyers', contract: { parties: ['A', 'B'] }, pages: 3 },
      executionChain: [],
    });
    expect(result.outputsByNode.Out).toEqual(['a summary']);
  });

  test('receive the prompt ARN and the variables for a managed prompt', async () => {
    // GIVEN
    const promptArn = 'arn:aws:bedrock:us-east-1:111122223333:prompt/PROMPT1234:3';
    const handler = jest.fn((_request: PromptRequest) => 'done');
    const simulator = new FlowSimulator(single(managedPromptNode('Classify', promptArn, [['ticket', 'String', '$.data.text']]), 'ticket', 'modelCompletion'),
      { handlers: { Prompt: handler } });

    // WHEN
    await simulator.run({ text: 'broken' });

    // THEN
    const request = handler.mock.calls[0][0];
    expect(request).toMatchObject({ promptArn, inputs: { ticket: 'broken' } });
    expect(request.prompt).toBeUndefined();
    expect(request.modelId).toBeUndefined();
  });

  test('receive the messages of a CHAT template with their text rendered', async () => {
    // GIVEN: CHAT templates are API-only (validation rejects them for CloudFormation), so validation is off
    const node = promptNode('Chat', 'unused', [['name', 'String', '$.data.name'], ['tone', 'String', '$.data.tone']]);
    node.configuration!.prompt.sourceConfiguration.inline.templateType = 'CHAT';
    node.configuration!.prompt.sourceConfiguration.inline.templateConfiguration = {
      chat: {
        messages: [{ role: 'user', content: [{ text: 'Hi, I am {{name}}' }] }],
        system: [{ text: 'Be {{tone}}' }],
        inputVariables: [{ name: 'name' }, { name: 'tone' }],
      },
    };
    const definition = flow(
      [inputNode('Object'), node, outputNode('Out')],
      [data('FlowInput', 'document', 'Chat', 'name'), data('FlowInput', 'document', 'Chat', 'tone'), data('Chat', 'modelCompletion', 'Out', 'document')],
    );
    const handler = jest.fn((_request: PromptRequest) => 'Hello Ada');
    const simulator = new FlowSimulator(definition, { validate: false, handlers: { Prompt: handler } });

    // WHEN
    await simulator.run({ name: 'Ada', tone: 'brief' });

    // THEN
    expect(handler.mock.calls[0][0]).toMatchObject({
      messages: [{ role: 'user', content: [{ text: 'Hi, I am Ada' }] }],
      system: [{ text: 'Be brief' }],
    });
    expect(handler.mock.calls[0][0].prompt).toBeUndefined();
  });

  test('can be asynchronous', async () => {
    // GIVEN
    const simulator = new FlowSimulator(single(promptNode('Ask', 'Q: {{question}}', [['question', 'String']]), 'question', 'modelCompletion', 'String'),
      { handlers: { Prompt: async ({ prompt }) => { await new Promise(r => setTimeout(r, 2)); return `A to ${prompt}`; } } });

    // WHEN
    const result = await simulator.run('why?');

    // THEN
    expect(result.outputsByNode.Out).toEqual(['A to Q: why?']);
  });
});

describe('FlowSimulator LambdaFunction handlers', () => {
  const enrich = lambdaNode('Enrich', [['ticketId', 'String', '$.data.id'], ['payload', 'Object']], 'Object');
  const definition = flow(
    [inputNode('Object'), enrich, outputNode('Out', 'Object')],
    [data('FlowInput', 'document', 'Enrich', 'ticketId'), data('FlowInput', 'document', 'Enrich', 'payload'), data('Enrich', 'functionResponse', 'Out', 'document')],
  );

  test('receive exactly the event Bedrock sends, and their response becomes functionResponse', async () => {
    // GIVEN
    const handler = jest.fn((_event: LambdaFunctionEvent, _request: LambdaFunctionRequest) => ({ enriched: true }));
    const simulator = new FlowSimulator(definition, { handlers: { LambdaFunction: handler } });

    // WHEN
    const result = await simulator.run({ id: 'T-1', body: 'help' });

    // THEN
    expect(handler.mock.calls[0][0]).toStrictEqual({
      messageVersion: '1.0',
      flow: {
        flowArn: 'arn:aws:bedrock:us-east-1:123456789012:flow/SIMULATED1',
        flowAliasArn: 'arn:aws:bedrock:us-east-1:123456789012:flow/SIMULATED1/alias/TSTALIASID',
      },
      node: {
        name: 'Enrich',
        inputs: [
          { name: 'ticketId', type: 'String', expression: '$.data.id', value: 'T-1' },
          { name: 'payload', type: 'Object', expression: '$.data', value: { id: 'T-1', body: 'help' } },
        ],
      },
    });
    expect(handler.mock.calls[0][1]).toMatchObject({ nodeName: 'Enrich', lambdaArn: LAMBDA_ARN });
    expect(result.outputsByNode.Out).toEqual([{ enriched: true }]);
  });

  test('receive the flow and alias ARNs given to the simulator', async () => {
    // GIVEN
    const flowArn = 'arn:aws:bedrock:eu-west-1:111122223333:flow/FLOW123456';
    const flowAliasArn = `${flowArn}/alias/ALIAS12345`;
    const handler = jest.fn((_event: LambdaFunctionEvent) => ({}));
    const simulator = new FlowSimulator(definition, { flowArn, flowAliasArn, handlers: { LambdaFunction: handler } });

    // WHEN
    await simulator.run({ id: 'T-1' });

    // THEN
    expect(handler.mock.calls[0][0].flow).toEqual({ flowArn, flowAliasArn });
  });

  test('are traced as node actions with the event and the response', async () => {
    // GIVEN
    const simulator = new FlowSimulator(definition, { handlers: { LambdaFunction: () => ({ ok: 1 }) } });

    // WHEN
    const result = await simulator.run({ id: 'T-1' });

    // THEN
    expect(result.traces).toContainEqual({
      nodeActionTrace: {
        nodeName: 'Enrich',
        timestamp: expect.any(Date),
        requestId: expect.any(String),
        serviceName: 'lambda',
        operationName: 'Invoke',
        operationRequest: expect.objectContaining({ messageVersion: '1.0' }),
        operationResponse: { ok: 1 },
      },
    });
  });

  test('fail the run with the handler\'s error as the cause when they throw', async () => {
    // GIVEN
    const boom = new Error('boom');
    const simulator = new FlowSimulator(definition, { handlers: { LambdaFunction: () => { throw boom; } } });

    // WHEN
    const error = await simulator.run({ id: 'T-1' }).catch(e => e);

    // THEN
    expect(error).toBeInstanceOf(FlowSimulationError);
    expect(error.message).toBe("LambdaFunction node 'Enrich': its handler threw: boom");
    expect(error.cause).toBe(boom);
    expect(error.nodeName).toBe('Enrich');
  });
});

describe('FlowSimulator handler selection', () => {
  const twoPrompts = flow(
    [
      inputNode('String'),
      promptNode('Classify', 'Classify {{text}}', [['text', 'String']]),
      promptNode('Summarize', 'Summarize {{text}}', [['text', 'String']]),
      outputNode('Class'),
      outputNode('Summary'),
    ],
    [
      data('FlowInput', 'document', 'Classify', 'text'),
      data('FlowInput', 'document', 'Summarize', 'text'),
      data('Classify', 'modelCompletion', 'Class', 'document'),
      data('Summarize', 'modelCompletion', 'Summary', 'document'),
    ],
  );

  test('prefers a handler by node name over the handler by node type', async () => {
    // GIVEN
    const simulator = new FlowSimulator(twoPrompts, {
      handlers: { Prompt: () => 'by type' },
      nodeHandlers: { Classify: (_request: PromptRequest) => 'by name' },
    });

    // WHEN
    const result = await simulator.run('text');

    // THEN
    expect(result.outputsByNode).toEqual({ Class: ['by name'], Summary: ['by type'] });
  });

  test('fails when a node that is reached has no handler, saying how to supply one', async () => {
    // GIVEN
    const simulator = new FlowSimulator(twoPrompts, { nodeHandlers: { Classify: () => 'by name' } });

    // WHEN / THEN
    await expect(simulator.run('text')).rejects.toThrow("Prompt node 'Summarize': it has no handler: pass `handlers: { Prompt: request => ... }` "
      + '(every Prompt node) or `nodeHandlers: { Summarize: request => ... }` (this node) to new FlowSimulator(...)');
  });

  test('throws when a handler by name names no node of the flow', () => {
    expect(() => new FlowSimulator(twoPrompts, { nodeHandlers: { Clasify: () => 'typo' } }))
      .toThrow("nodeHandlers has a handler for 'Clasify', which is not a node of the flow (nodes: FlowInput, Classify, Summarize, Class, Summary)");
  });

  test('throws when a handler by name names a node the simulator runs itself', () => {
    expect(() => new FlowSimulator(twoPrompts, { nodeHandlers: { Class: () => 'x' } }))
      .toThrow("nodeHandlers has a handler for Output node 'Class', which the simulator runs itself");
  });
});

describe('FlowSimulator InlineCode handlers', () => {
  const definition = single(inlineCodeNode('Normalize', 'result = {"count": len(items)}\nresult', [['items', 'Array', '$.data.items']]),
    'items', 'response', 'Object', 'Object');

  test('receive the code and its input variables, and return the response', async () => {
    // GIVEN
    const handler = jest.fn(({ inputs }: InlineCodeRequest) => ({ count: (inputs.items as unknown[]).length }));
    const simulator = new FlowSimulator(definition, { handlers: { InlineCode: handler } });

    // WHEN
    const result = await simulator.run({ items: [1, 2, 3] });

    // THEN
    expect(handler.mock.calls[0][0]).toMatchObject({ code: 'result = {"count": len(items)}\nresult', language: 'Python_3', inputs: { items: [1, 2, 3] } });
    expect(result.outputsByNode.Out).toEqual([{ count: 3 }]);
  });

  test('fails without a handler, explaining that Python is not run', async () => {
    await expect(new FlowSimulator(definition).run({ items: [] })).rejects.toThrow("InlineCode node 'Normalize': it has no handler "
      + '(the simulator does not run Python)');
  });
});

describe('FlowSimulator KnowledgeBase and Lex handlers', () => {
  test('a KnowledgeBase handler receives the query and returns the retrieval results', async () => {
    // GIVEN
    const handler = jest.fn((_request: KnowledgeBaseRequest) => [{ content: { text: 'clause 4' } }]);
    const simulator = new FlowSimulator(single(knowledgeBaseNode('FindClauses'), 'retrievalQuery', 'retrievalResults', 'String', 'Array'),
      { handlers: { KnowledgeBase: handler } });

    // WHEN
    const result = await simulator.run('termination');

    // THEN
    expect(handler.mock.calls[0][0]).toMatchObject({ knowledgeBaseId: 'KB12345678', retrievalQuery: 'termination', numberOfResults: 3, outputName: 'retrievalResults' });
    expect(result.outputsByNode.Out).toEqual([[{ content: { text: 'clause 4' } }]]);
  });

  test('a Lex handler receives the utterance and returns the predicted intent', async () => {
    // GIVEN
    const handler = jest.fn((_request: LexRequest) => 'BookHotel');
    const simulator = new FlowSimulator(single(lexNode('DetectIntent'), 'inputText', 'predictedIntent', 'String'), { handlers: { Lex: handler } });

    // WHEN
    const result = await simulator.run('I need a room');

    // THEN
    expect(handler.mock.calls[0][0]).toMatchObject({ inputText: 'I need a room', localeId: 'en_US' });
    expect(result.outputsByNode.Out).toEqual(['BookHotel']);
  });
});

describe('FlowSimulator Storage and Retrieval', () => {
  /** Input → Save (Storage) → KeyOf (InlineCode: s3Uri → key) → Load (Retrieval) → Out; Save.s3Uri → Uri. */
  const definition = flow(
    [
      inputNode('Object'),
      storageNode('Save', 'results-bucket', ['content', 'Object', '$.data.report'], ['objectKey', 'String', '$.data.key']),
      inlineCodeNode('KeyOf', 'uri.split("/", 3)[3]', [['uri', 'String']], 'String'),
      retrievalNode('Load', 'results-bucket', ['objectKey', 'String']),
      outputNode('Uri'),
      outputNode('Out'),
    ],
    [
      data('FlowInput', 'document', 'Save', 'content'),
      data('FlowInput', 'document', 'Save', 'objectKey'),
      data('Save', 's3Uri', 'KeyOf', 'uri'),
      data('Save', 's3Uri', 'Uri', 'document'),
      data('KeyOf', 'response', 'Load', 'objectKey'),
      data('Load', 's3Content', 'Out', 'document'),
    ],
  );
  const keyOf = ({ inputs }: InlineCodeRequest) => String(inputs.uri).split('/').slice(3).join('/');

  test('writes to the in-memory S3, which a Retrieval node then reads and the test can inspect', async () => {
    // GIVEN
    const simulator = new FlowSimulator(definition, { handlers: { InlineCode: keyOf } });

    // WHEN
    const result = await simulator.run({ report: { score: 9 }, key: 'reports/c1.json' });

    // THEN
    expect(result.outputsByNode).toEqual({ Uri: ['s3://results-bucket/reports/c1.json'], Out: ['{"score":9}'] });
    expect(simulator.s3.getObject('results-bucket', 'reports/c1.json')).toBe('{"score":9}');
    expect(simulator.s3.listObjects()).toEqual([{ bucket: 'results-bucket', key: 'reports/c1.json', body: '{"score":9}' }]);
  });

  test('reads objects seeded before the run', async () => {
    // GIVEN
    const s3 = new InMemoryS3();
    s3.putObject('templates', 'greeting.txt', 'Hello {{name}}');
    const simulator = new FlowSimulator(single(retrievalNode('LoadTemplate', 'templates', ['objectKey', 'String']), 'objectKey', 's3Content', 'String'),
      { s3 });

    // WHEN
    const result = await simulator.run('greeting.txt');

    // THEN
    expect(result.outputsByNode.Out).toEqual(['Hello {{name}}']);
  });

  test('fails when a Retrieval node reads an object that does not exist', async () => {
    // GIVEN
    const simulator = new FlowSimulator(single(retrievalNode('LoadTemplate', 'templates', ['objectKey', 'String']), 'objectKey', 's3Content', 'String'));

    // WHEN / THEN
    await expect(simulator.run('missing.txt')).rejects.toThrow("Retrieval node 'LoadTemplate': there is no object s3://templates/missing.txt in "
      + "the simulator's in-memory S3: put it there before the run (simulator.s3.putObject('templates', 'missing.txt', text))");
  });

  test('uses a Storage handler instead of the in-memory S3 when one is given', async () => {
    // GIVEN
    const storage = jest.fn((request: StorageRequest) => `s3://elsewhere/${request.objectKey}`);
    const simulator = new FlowSimulator(definition, { handlers: { Storage: storage, InlineCode: keyOf, Retrieval: () => 'from handler' } });

    // WHEN
    const result = await simulator.run({ report: { score: 1 }, key: 'k1' });

    // THEN
    expect(storage.mock.calls[0][0]).toMatchObject({ bucketName: 'results-bucket', objectKey: 'k1', content: { score: 1 } });
    expect(result.outputsByNode).toEqual({ Uri: ['s3://elsewhere/k1'], Out: ['from handler'] });
    expect(simulator.s3.listObjects()).toEqual([]);
  });
});

describe('FlowSimulator handlers by name', () => {
  test('make it easy to stub each node of a larger flow separately', async () => {
    // GIVEN: Detect (Prompt) → IsEnglish (Condition) → Analyze (Prompt) or Translate (Lambda)
    const definition = flow(
      [
        inputNode('String'),
        promptNode('Detect', 'Language of {{text}}', [['text', 'String']]),
        conditionNode('IsEnglish', [['lang', 'String']], [['English', 'lang == "en"']]),
        promptNode('Analyze', 'Analyze {{text}}', [['text', 'String']]),
        lambdaNode('Translate', [['text', 'String']], 'String'),
        outputNode('Analysis'),
        outputNode('Translation'),
      ],
      [
        data('FlowInput', 'document', 'Detect', 'text'),
        data('Detect', 'modelCompletion', 'IsEnglish', 'lang'),
        when('IsEnglish', 'English', 'Analyze'),
        when('IsEnglish', 'default', 'Translate'),
        data('FlowInput', 'document', 'Analyze', 'text'),
        data('FlowInput', 'document', 'Translate', 'text'),
        data('Analyze', 'modelCompletion', 'Analysis', 'document'),
        data('Translate', 'functionResponse', 'Translation', 'document'),
      ],
    );
    const simulator = new FlowSimulator(definition, {
      nodeHandlers: {
        Detect: ({ inputs }: PromptRequest) => (String(inputs.text).startsWith('Bonjour') ? 'fr' : 'en'),
        Analyze: ({ prompt }: PromptRequest) => `analysis of "${prompt}"`,
        Translate: (event: LambdaFunctionEvent) => `translated ${event.node.inputs[0].value}`,
      },
    });

    // WHEN
    const english = await simulator.run('Hello');
    const french = await simulator.run('Bonjour');

    // THEN
    expect(english.outputsByNode).toEqual({ Analysis: ['analysis of "Analyze Hello"'] });
    expect(french.outputsByNode).toEqual({ Translation: ['translated Bonjour'] });
  });
});
