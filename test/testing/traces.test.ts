import { data, flow, inputNode, outputNode, promptNode } from './definitions';
import { FlowSimulator } from '../../src/testing';

/** Input → Ask (Prompt) → Answer, and Input → Echo. */
const definition = flow(
  [inputNode('Object'), promptNode('Ask', 'Q: {{question}}', [['question', 'String', '$.data.question']]), outputNode('Answer'), outputNode('Echo', 'Object')],
  [
    data('FlowInput', 'document', 'Ask', 'question'),
    data('FlowInput', 'document', 'Echo', 'document'),
    data('Ask', 'modelCompletion', 'Answer', 'document'),
  ],
);

describe('FlowSimulator events', () => {
  test('are shaped like InvokeFlow\'s response stream, ending with the completion event', async () => {
    // GIVEN
    const simulator = new FlowSimulator(definition, { handlers: { Prompt: () => '42' } });

    // WHEN
    const result = await simulator.run({ question: 'meaning?' });

    // THEN
    expect(result.events).toEqual([
      {
        flowTraceEvent: {
          trace: {
            nodeOutputTrace: {
              nodeName: 'FlowInput',
              timestamp: new Date('2025-01-01T00:00:00.000Z'),
              fields: [{
                nodeOutputName: 'document',
                content: { document: { question: 'meaning?' } },
                next: [{ nodeName: 'Ask', inputFieldName: 'question' }, { nodeName: 'Echo', inputFieldName: 'document' }],
                type: 'Object',
              }],
            },
          },
        },
      },
      {
        flowTraceEvent: {
          trace: {
            nodeInputTrace: {
              nodeName: 'Ask',
              timestamp: new Date('2025-01-01T00:00:00.001Z'),
              fields: [{
                nodeInputName: 'question',
                content: { document: 'meaning?' },
                source: { nodeName: 'FlowInput', outputFieldName: 'document', expression: '$.data.question' },
                type: 'String',
              }],
            },
          },
        },
      },
      {
        flowTraceEvent: {
          trace: {
            nodeActionTrace: {
              nodeName: 'Ask',
              timestamp: new Date('2025-01-01T00:00:00.002Z'),
              requestId: 'sim-execution-1-request-1',
              serviceName: 'bedrock-runtime',
              operationName: 'InvokeModel',
              operationRequest: { modelId: 'anthropic.claude-3-haiku-20240307-v1:0', prompt: 'Q: meaning?' },
              operationResponse: '42',
            },
          },
        },
      },
      {
        flowTraceEvent: {
          trace: {
            nodeOutputTrace: {
              nodeName: 'Ask',
              timestamp: new Date('2025-01-01T00:00:00.003Z'),
              fields: [{ nodeOutputName: 'modelCompletion', content: { document: '42' }, next: [{ nodeName: 'Answer', inputFieldName: 'document' }], type: 'String' }],
            },
          },
        },
      },
      {
        flowTraceEvent: {
          trace: {
            nodeInputTrace: {
              nodeName: 'Echo',
              timestamp: new Date('2025-01-01T00:00:00.004Z'),
              fields: [{
                nodeInputName: 'document',
                content: { document: { question: 'meaning?' } },
                source: { nodeName: 'FlowInput', outputFieldName: 'document', expression: '$.data' },
                type: 'Object',
              }],
            },
          },
        },
      },
      { flowOutputEvent: { nodeName: 'Echo', nodeType: 'FlowOutputNode', content: { document: { question: 'meaning?' } } } },
      {
        flowTraceEvent: {
          trace: {
            nodeInputTrace: {
              nodeName: 'Answer',
              timestamp: new Date('2025-01-01T00:00:00.005Z'),
              fields: [{
                nodeInputName: 'document',
                content: { document: '42' },
                source: { nodeName: 'Ask', outputFieldName: 'modelCompletion', expression: '$.data' },
                type: 'String',
              }],
            },
          },
        },
      },
      { flowOutputEvent: { nodeName: 'Answer', nodeType: 'FlowOutputNode', content: { document: '42' } } },
      { flowCompletionEvent: { completionReason: 'SUCCESS' } },
    ]);
    expect(result.traces).toHaveLength(6);
    expect(result.completionReason).toBe('SUCCESS');
    expect(result.executionId).toBe('sim-execution-1');
  });

  test('are the same on every run (deterministic clock and ids)', async () => {
    // GIVEN
    const first = new FlowSimulator(definition, { handlers: { Prompt: () => '42' } });
    const second = new FlowSimulator(definition, { handlers: { Prompt: () => '42' } });

    // WHEN / THEN
    expect(await first.run({ question: 'q' })).toEqual(await second.run({ question: 'q' }));
  });

  test('use the given clock for trace timestamps', async () => {
    // GIVEN
    const now = new Date('2030-05-05T05:05:05Z');
    const simulator = new FlowSimulator(definition, { handlers: { Prompt: () => '42' }, clock: () => now });

    // WHEN
    const result = await simulator.run({ question: 'q' });

    // THEN
    expect(result.traces.every(t => Object.values(t)[0].timestamp === now)).toBe(true);
  });

  test('leave out traces when tracing is off', async () => {
    // GIVEN
    const simulator = new FlowSimulator(definition, { handlers: { Prompt: () => '42' }, enableTrace: false });

    // WHEN
    const result = await simulator.run({ question: 'q' });

    // THEN
    expect(result.traces).toEqual([]);
    expect(result.events.map(e => Object.keys(e)[0])).toEqual(['flowOutputEvent', 'flowOutputEvent', 'flowCompletionEvent']);
  });

  test('give each run its own execution id', async () => {
    // GIVEN
    const simulator = new FlowSimulator(definition, { handlers: { Prompt: () => '42' } });

    // WHEN
    const ids = [(await simulator.run({ question: 'a' })).executionId, (await simulator.run({ question: 'b' })).executionId];

    // THEN
    expect(ids).toEqual(['sim-execution-1', 'sim-execution-2']);
  });
});
