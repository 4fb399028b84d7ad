import {
  AccessDeniedException,
  BedrockAgentRuntimeClient,
  DependencyFailedException,
  InternalServerException,
  InvokeFlowCommand,
  ThrottlingException,
  type FlowResponseStream,
} from '@aws-sdk/client-bedrock-agent-runtime';
import { mockClient } from 'aws-sdk-client-mock';
import { FlowInvocationError, FlowInvoker, type FlowInvokerOptions } from '../../src/runtime';

process.env.AWS_REGION = 'us-east-1';
process.env.AWS_ACCESS_KEY_ID = 'AKIDTEST';
process.env.AWS_SECRET_ACCESS_KEY = 'secret';

const bedrock = mockClient(BedrockAgentRuntimeClient);

/** An async iterable over `events`, like the SDK's response stream; throws `error` at the end if given. */
function stream(events: FlowResponseStream[], error?: Error): AsyncIterable<FlowResponseStream> {
  return (async function* () {
    for (const event of events) {
      yield event;
    }
    if (error) {
      throw error;
    }
  })();
}

function output(nodeName: string, document: unknown, nodeType: string | undefined = 'FlowOutputNode'): FlowResponseStream {
  return { flowOutputEvent: { nodeName, nodeType: nodeType as any, content: { document: document as any } } };
}

function completion(reason: string): FlowResponseStream {
  return { flowCompletionEvent: { completionReason: reason as any } };
}

function throttle(): ThrottlingException {
  return new ThrottlingException({ message: 'Rate exceeded', $metadata: {} });
}

function invoker(options: Partial<FlowInvokerOptions> = {}) {
  const sleep = jest.fn(async (_ms: number) => undefined);
  const flowInvoker = new FlowInvoker({
    flowIdentifier: 'FLOW123456',
    flowAliasIdentifier: 'ALIAS12345',
    client: new BedrockAgentRuntimeClient({}),
    sleep,
    random: () => 0.5,
    ...options,
  });
  return { flowInvoker, sleep };
}

function sentInputs() {
  return bedrock.commandCalls(InvokeFlowCommand).map(call => call.args[0].input);
}

/** Runs `promise`, expecting it to reject with a FlowInvocationError, and returns the error. */
async function invocationError(promise: Promise<unknown>): Promise<FlowInvocationError> {
  const error = await promise.then(() => undefined, (e: unknown) => e);
  expect(error).toBeInstanceOf(FlowInvocationError);
  return error as FlowInvocationError;
}

beforeEach(() => {
  bedrock.reset();
});

describe('invoke', () => {
  test('collects several outputs in arrival order and grouped by output node', async () => {
    // GIVEN
    bedrock.on(InvokeFlowCommand).resolves({
      executionId: 'exec-1',
      responseStream: stream([
        output('Approved', { score: 9 }),
        output('Summary', 'first'),
        output('Summary', 'second', 'SomeFutureNodeType'),
        completion('SUCCESS'),
      ]),
    });
    const { flowInvoker } = invoker();

    // WHEN
    const result = await flowInvoker.invoke({ bucket: 'b', key: 'k.pdf' });

    // THEN
    expect(result.completionReason).toBe('SUCCESS');
    expect(result.executionId).toBe('exec-1');
    expect(result.outputs).toEqual([
      { nodeName: 'Approved', nodeType: 'FlowOutputNode', document: { score: 9 } },
      { nodeName: 'Summary', nodeType: 'FlowOutputNode', document: 'first' },
      { nodeName: 'Summary', nodeType: 'SomeFutureNodeType', document: 'second' },
    ]);
    expect(result.outputsByNode).toEqual({ Approved: [{ score: 9 }], Summary: ['first', 'second'] });
    expect(result.inputRequest).toBeUndefined();
    expect(result.traces).toEqual([]);
    expect(result.attempts).toBe(1);
  });

  test('sends exactly one input to the Input node output `document` by default', async () => {
    // GIVEN
    bedrock.on(InvokeFlowCommand).resolves({ responseStream: stream([completion('SUCCESS')]) });
    const { flowInvoker } = invoker();

    // WHEN
    await flowInvoker.invoke({ bucket: 'b', key: 'k.pdf' });

    // THEN
    expect(sentInputs()).toEqual([{
      flowIdentifier: 'FLOW123456',
      flowAliasIdentifier: 'ALIAS12345',
      inputs: [{ nodeName: 'FlowInput', nodeOutputName: 'document', content: { document: { bucket: 'b', key: 'k.pdf' } } }],
    }]);
  });

  test('uses the configured input node, output name and execution id', async () => {
    // GIVEN
    bedrock.on(InvokeFlowCommand).resolves({ responseStream: stream([completion('SUCCESS')]) });
    const { flowInvoker } = invoker({ inputNodeName: 'Contract', inputNodeOutputName: 'doc' });

    // WHEN
    const result = await flowInvoker.invoke('plain text', { executionId: 'my-exec.1' });

    // THEN
    expect(sentInputs()[0]).toMatchObject({
      executionId: 'my-exec.1',
      inputs: [{ nodeName: 'Contract', nodeOutputName: 'doc', content: { document: 'plain text' } }],
    });
    // the response carried no execution id, so the requested one is reported
    expect(result.executionId).toBe('my-exec.1');
  });

  test('keeps output events without a node name or node type', async () => {
    // GIVEN
    bedrock.on(InvokeFlowCommand).resolves({
      responseStream: stream([{ flowOutputEvent: { content: { document: 1 } } } as any, completion('SUCCESS')]),
    });
    const { flowInvoker } = invoker();

    // WHEN
    const result = await flowInvoker.invoke({});

    // THEN
    expect(result.outputs).toEqual([{ nodeName: '', document: 1 }]);
    expect(result.outputs[0]).not.toHaveProperty('nodeType');
    expect(result.outputsByNode).toEqual({ '': [1] });
  });

  test('groups outputs of nodes named like Object.prototype members', async () => {
    // GIVEN
    bedrock.on(InvokeFlowCommand).resolves({
      responseStream: stream([output('constructor', 'a'), output('toString', 'b'), completion('SUCCESS')]),
    });
    const { flowInvoker } = invoker();

    // WHEN
    const result = await flowInvoker.invoke({});

    // THEN
    expect(result.outputsByNode.constructor).toEqual(['a']);
    expect(result.outputsByNode.toString).toEqual(['b']);
  });
});

describe('failures', () => {
  test('fails on a completion reason other than SUCCESS or INPUT_REQUIRED, keeping the partial outputs', async () => {
    // GIVEN
    bedrock.on(InvokeFlowCommand).resolves({
      executionId: 'exec-2',
      responseStream: stream([output('Partial', 'x'), completion('SOMETHING_ELSE')]),
    });
    const { flowInvoker } = invoker();

    // WHEN
    const error = await invocationError(flowInvoker.invoke({}));

    // THEN
    expect(error.message).toMatch(/completed with reason 'SOMETHING_ELSE'/);
    expect(error.message).toMatch(/flow 'FLOW123456' alias 'ALIAS12345'/);
    expect(error.completionReason).toBe('SOMETHING_ELSE');
    expect(error.executionId).toBe('exec-2');
    expect(error.outputs).toEqual([{ nodeName: 'Partial', nodeType: 'FlowOutputNode', document: 'x' }]);
    expect(error.outputsByNode).toEqual({ Partial: ['x'] });
  });

  test('fails when the stream ends without a completion event', async () => {
    // GIVEN
    bedrock.on(InvokeFlowCommand).resolves({ responseStream: stream([output('Approved', 'x')]) });
    const { flowInvoker } = invoker();

    // WHEN
    const error = await invocationError(flowInvoker.invoke({}));

    // THEN
    expect(error.message).toMatch(/ended without a flowCompletionEvent after 1 output event\(s\) \(from 'Approved'\)/);
    expect(error.completionReason).toBeUndefined();
    expect(error.outputs).toHaveLength(1);
  });

  test('fails when the response has no stream at all', async () => {
    // GIVEN
    bedrock.on(InvokeFlowCommand).resolves({});
    const { flowInvoker } = invoker();

    // WHEN
    const error = await invocationError(flowInvoker.invoke({}));

    // THEN
    expect(error.message).toMatch(/without a flowCompletionEvent after 0 output event/);
  });

  test('wraps an in-stream dependencyFailedException with its resource name and cause, without retrying', async () => {
    // GIVEN
    const original = new DependencyFailedException({ message: 'Function returned an error', $metadata: {}, resourceName: 'Lambda' });
    bedrock.on(InvokeFlowCommand).resolves({ executionId: 'exec-3', responseStream: stream([output('Early', 1)], original) });
    const { flowInvoker, sleep } = invoker();

    // WHEN
    const error = await invocationError(flowInvoker.invoke({}));

    // THEN
    expect(error.message).toMatch(/failed with DependencyFailedException \(resourceName: Lambda\) after 1 output event\(s\)/);
    expect(error.message).toMatch(/Function returned an error/);
    expect(error.message).toMatch(/What to check: .*Lambda node, the function's CloudWatch logs/);
    expect(error.exceptionName).toBe('DependencyFailedException');
    expect(error.resourceName).toBe('Lambda');
    expect(error.executionId).toBe('exec-3');
    expect(error.cause).toBe(original);
    expect(error.outputs).toEqual([{ nodeName: 'Early', nodeType: 'FlowOutputNode', document: 1 }]);
    expect(bedrock.commandCalls(InvokeFlowCommand)).toHaveLength(1);
    expect(sleep).not.toHaveBeenCalled();
  });

  test('names the reason of an internalServerException', async () => {
    // GIVEN
    const original = new InternalServerException({ message: 'Service unavailable', $metadata: {}, reason: 'BEDROCK_MODEL_INVOCATION_SERVICE_UNAVAILABLE' });
    bedrock.on(InvokeFlowCommand).resolves({ responseStream: stream([], original) });
    const { flowInvoker } = invoker();

    // WHEN
    const error = await invocationError(flowInvoker.invoke({}));

    // THEN
    expect(error.message).toMatch(/InternalServerException \(reason: BEDROCK_MODEL_INVOCATION_SERVICE_UNAVAILABLE\)/);
    expect(error.reason).toBe('BEDROCK_MODEL_INVOCATION_SERVICE_UNAVAILABLE');
  });

  test('treats an exception member yielded as an event like a thrown exception', async () => {
    // GIVEN
    bedrock.on(InvokeFlowCommand).resolves({
      responseStream: stream([{ validationException: { message: 'Input type mismatch' } } as any, completion('SUCCESS')]),
    });
    const { flowInvoker } = invoker();

    // WHEN
    const error = await invocationError(flowInvoker.invoke({}));

    // THEN
    expect(error.exceptionName).toBe('ValidationException');
    expect(error.message).toMatch(/ValidationException.*Input type mismatch.*input node name/);
  });

  test('does not retry an error from send other than throttling', async () => {
    // GIVEN
    const denied = new AccessDeniedException({ message: 'not authorized to perform bedrock:InvokeFlow', $metadata: { httpStatusCode: 403 } });
    bedrock.on(InvokeFlowCommand).rejects(denied);
    const { flowInvoker, sleep } = invoker();

    // WHEN
    const error = await invocationError(flowInvoker.invoke({}));

    // THEN
    expect(error.exceptionName).toBe('AccessDeniedException');
    expect(error.message).toMatch(/bedrock:InvokeFlow on the flow alias ARN/);
    expect(error.cause).toBe(denied);
    expect(bedrock.commandCalls(InvokeFlowCommand)).toHaveLength(1);
    expect(sleep).not.toHaveBeenCalled();
  });
});

describe('throttling', () => {
  test('retries a throttled send with exponential backoff and full jitter, then succeeds', async () => {
    // GIVEN
    bedrock.on(InvokeFlowCommand)
      .rejectsOnce(throttle())
      .rejectsOnce(throttle())
      .resolves({ responseStream: stream([output('Approved', 'ok'), completion('SUCCESS')]) });
    const { flowInvoker, sleep } = invoker({ baseDelayMs: 200, random: () => 0.5 });

    // WHEN
    const result = await flowInvoker.invoke({});

    // THEN
    expect(result.outputsByNode).toEqual({ Approved: ['ok'] });
    expect(result.attempts).toBe(3);
    expect(bedrock.commandCalls(InvokeFlowCommand)).toHaveLength(3);
    // random 0.5 × min(maxDelay, 200 × 2^(attempt-1))
    expect(sleep.mock.calls.map(call => call[0])).toEqual([100, 200]);
  });

  test('retries a throttlingException from the stream when no output has arrived', async () => {
    // GIVEN
    bedrock.on(InvokeFlowCommand)
      .resolvesOnce({ responseStream: stream([], throttle()) })
      .resolves({ responseStream: stream([output('Approved', 'ok'), completion('SUCCESS')]) });
    const { flowInvoker, sleep } = invoker();

    // WHEN
    const result = await flowInvoker.invoke({});

    // THEN
    expect(result.completionReason).toBe('SUCCESS');
    expect(result.attempts).toBe(2);
    expect(sleep).toHaveBeenCalledTimes(1);
  });

  test('never re-runs a flow that was throttled after it produced output', async () => {
    // GIVEN
    bedrock.on(InvokeFlowCommand)
      .resolvesOnce({ responseStream: stream([output('Approved', 'ok')], throttle()) })
      .resolves({ responseStream: stream([completion('SUCCESS')]) });
    const { flowInvoker, sleep } = invoker();

    // WHEN
    const error = await invocationError(flowInvoker.invoke({}));

    // THEN
    expect(bedrock.commandCalls(InvokeFlowCommand)).toHaveLength(1);
    expect(sleep).not.toHaveBeenCalled();
    expect(error.exceptionName).toBe('ThrottlingException');
    expect(error.message).toMatch(/throttled after it had already produced output, so it was not run again/);
    expect(error.outputs).toHaveLength(1);
  });

  test('gives up after maxAttempts, never waiting longer than maxDelayMs', async () => {
    // GIVEN
    bedrock.on(InvokeFlowCommand).rejects(throttle());
    const { flowInvoker, sleep } = invoker({ maxAttempts: 5, baseDelayMs: 300, maxDelayMs: 1000, random: () => 0.999 });

    // WHEN
    const error = await invocationError(flowInvoker.invoke({}));

    // THEN
    expect(bedrock.commandCalls(InvokeFlowCommand)).toHaveLength(5);
    expect(error.attempts).toBe(5);
    expect(error.message).toMatch(/throttled on all 5 attempt\(s\)/);
    const delays = sleep.mock.calls.map(call => call[0]);
    expect(delays).toHaveLength(4);
    expect(delays).toEqual([299, 599, 999, 999]);
  });

  test('jitter is drawn from [0, ceiling)', async () => {
    // GIVEN
    bedrock.on(InvokeFlowCommand).rejectsOnce(throttle()).resolves({ responseStream: stream([completion('SUCCESS')]) });
    const { flowInvoker, sleep } = invoker({ random: () => 0 });

    // WHEN
    await flowInvoker.invoke({});

    // THEN
    expect(sleep).toHaveBeenCalledWith(0);
  });
});

describe('multi-turn', () => {
  test('returns INPUT_REQUIRED with the input request, and continue() answers it in the same execution', async () => {
    // GIVEN
    bedrock.on(InvokeFlowCommand)
      .resolvesOnce({
        executionId: 'exec-42',
        responseStream: stream([
          { flowMultiTurnInputRequestEvent: { nodeName: 'AskAgent', nodeType: 'AgentNode' as any, content: { document: 'Which party?' } } },
          completion('INPUT_REQUIRED'),
        ]),
      })
      .resolves({ executionId: 'exec-42', responseStream: stream([output('Answer', 'done'), completion('SUCCESS')]) });
    const { flowInvoker } = invoker();

    // WHEN
    const first = await flowInvoker.invoke('review this');
    const second = await flowInvoker.continue(first.executionId!, { nodeName: first.inputRequest!.nodeName, document: 'The buyer' });

    // THEN
    expect(first.completionReason).toBe('INPUT_REQUIRED');
    expect(first.executionId).toBe('exec-42');
    expect(first.inputRequest).toEqual({ nodeName: 'AskAgent', nodeType: 'AgentNode', document: 'Which party?' });
    expect(second.completionReason).toBe('SUCCESS');
    expect(second.outputsByNode).toEqual({ Answer: ['done'] });
    const reply = sentInputs()[1];
    expect(reply.executionId).toBe('exec-42');
    expect(reply.inputs).toEqual([{ nodeName: 'AskAgent', nodeInputName: 'agentInputText', content: { document: 'The buyer' } }]);
    expect(reply.inputs![0]).not.toHaveProperty('nodeOutputName');
  });

  test('continue() uses the given node input name', async () => {
    // GIVEN
    bedrock.on(InvokeFlowCommand).resolves({ responseStream: stream([completion('SUCCESS')]) });
    const { flowInvoker } = invoker();

    // WHEN
    await flowInvoker.continue('exec-1', { nodeName: 'AskAgent', nodeInputName: 'custom', document: { a: 1 } });

    // THEN
    expect(sentInputs()[0].inputs).toEqual([{ nodeName: 'AskAgent', nodeInputName: 'custom', content: { document: { a: 1 } } }]);
  });

  test('fails on INPUT_REQUIRED without an input request event', async () => {
    // GIVEN
    bedrock.on(InvokeFlowCommand).resolves({ responseStream: stream([completion('INPUT_REQUIRED')]) });
    const { flowInvoker } = invoker();

    // WHEN
    const error = await invocationError(flowInvoker.invoke({}));

    // THEN
    expect(error.message).toMatch(/INPUT_REQUIRED but sent no flowMultiTurnInputRequestEvent/);
  });

  test('continue() needs an execution id and a node name', async () => {
    const { flowInvoker } = invoker();
    await expect(flowInvoker.continue('', { nodeName: 'A', document: 'x' })).rejects.toThrow(/needs the executionId/);
    await expect(flowInvoker.continue('exec', { nodeName: '', document: 'x' })).rejects.toThrow(/needs the nodeName/);
  });
});

describe('traces', () => {
  const trace1 = { nodeInputTrace: { nodeName: 'FlowInput', timestamp: new Date(0), fields: [] } };
  const trace2 = { nodeOutputTrace: { nodeName: 'Approved', timestamp: new Date(1), fields: [] } };

  test('collects trace events in order when tracing is enabled', async () => {
    // GIVEN
    bedrock.on(InvokeFlowCommand).resolves({
      responseStream: stream([
        { flowTraceEvent: { trace: trace1 as any } },
        output('Approved', 'ok'),
        { flowTraceEvent: { trace: trace2 as any } },
        completion('SUCCESS'),
      ]),
    });
    const { flowInvoker } = invoker({ enableTrace: true });

    // WHEN
    const result = await flowInvoker.invoke({});

    // THEN
    expect(sentInputs()[0].enableTrace).toBe(true);
    expect(result.traces).toEqual([trace1, trace2]);
  });

  test('ignores trace events when tracing is off', async () => {
    // GIVEN
    bedrock.on(InvokeFlowCommand).resolves({
      responseStream: stream([{ flowTraceEvent: { trace: trace1 as any } }, completion('SUCCESS')]),
    });
    const { flowInvoker } = invoker();

    // WHEN
    const result = await flowInvoker.invoke({});

    // THEN
    expect(sentInputs()[0]).not.toHaveProperty('enableTrace');
    expect(result.traces).toEqual([]);
  });

  test('a per-call option overrides the invoker setting', async () => {
    // GIVEN
    bedrock.on(InvokeFlowCommand).resolves({
      responseStream: stream([{ flowTraceEvent: { trace: trace1 as any } }, completion('SUCCESS')]),
    });
    const { flowInvoker } = invoker();

    // WHEN
    const result = await flowInvoker.invoke({}, { enableTrace: true });

    // THEN
    expect(result.traces).toEqual([trace1]);
  });
});

describe('construction', () => {
  test('fails without a flow or alias identifier, or with a bad maxAttempts', () => {
    expect(() => new FlowInvoker({ flowIdentifier: '', flowAliasIdentifier: 'A' })).toThrow(/needs a flowIdentifier/);
    expect(() => new FlowInvoker({ flowIdentifier: 'F', flowAliasIdentifier: '' })).toThrow(/needs a flowAliasIdentifier/);
    expect(() => new FlowInvoker({ flowIdentifier: 'F', flowAliasIdentifier: 'A', maxAttempts: 0 })).toThrow(/maxAttempts/);
  });

  test('creates its own client when none is given', async () => {
    // GIVEN
    bedrock.on(InvokeFlowCommand).resolves({ responseStream: stream([completion('SUCCESS')]) });
    const flowInvoker = new FlowInvoker({ flowIdentifier: 'F', flowAliasIdentifier: 'A' });

    // WHEN
    const result = await flowInvoker.invoke({});

    // THEN
    expect(result.completionReason).toBe('SUCCESS');
    expect(flowInvoker.inputNodeName).toBe('FlowInput');
    expect(flowInvoker.inputNodeOutputName).toBe('document');
  });
});
