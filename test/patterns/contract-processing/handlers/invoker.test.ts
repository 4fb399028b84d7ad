import {
  BedrockAgentRuntimeClient,
  DependencyFailedException,
  InvokeFlowCommand,
  type FlowResponseStream,
} from '@aws-sdk/client-bedrock-agent-runtime';
import {
  ConditionalCheckFailedException,
  DynamoDBClient,
  GetItemCommand,
  PutItemCommand,
  UpdateItemCommand,
} from '@aws-sdk/client-dynamodb';
import { mockClient } from 'aws-sdk-client-mock';
import { createHandler, type S3ObjectCreatedEvent } from '../../../../src/patterns/contract-processing/invoker.lambda';
import { FlowInvocationError } from '../../../../src/runtime';

process.env.AWS_REGION = 'us-east-1';
process.env.AWS_ACCESS_KEY_ID = 'AKIDTEST';
process.env.AWS_SECRET_ACCESS_KEY = 'secret';

const dynamodb = mockClient(DynamoDBClient);
const bedrock = mockClient(BedrockAgentRuntimeClient);

const NOW = Date.parse('2026-03-01T12:00:00.000Z');
const CONTEXT = { awsRequestId: 'req-1', getRemainingTimeInMillis: () => 60_000 };

function s3Event(object: Record<string, unknown>, detailType = 'Object Created'): S3ObjectCreatedEvent {
  return {
    'id': 'event-1',
    'detail-type': detailType,
    'source': 'aws.s3',
    'detail': { bucket: { name: 'contracts' }, object: object as any, reason: 'PutObject' },
  };
}

const OBJECT = { 'key': 'in/Master agreement+v2 100%.pdf', 'size': 1234, 'etag': 'abc123', 'version-id': 'v1', 'sequencer': '0001' };
const IDENTITY = 'contracts/in/Master agreement+v2 100%.pdf#v1';

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

function output(nodeName: string, document: unknown): FlowResponseStream {
  return { flowOutputEvent: { nodeName, nodeType: 'FlowOutputNode', content: { document: document as any } } };
}

const SUCCESS: FlowResponseStream = { flowCompletionEvent: { completionReason: 'SUCCESS' } };

let lines: string[];
let writeSpy: jest.SpyInstance;

function records(): Record<string, any>[] {
  return lines.map(line => JSON.parse(line));
}

function emf(): Record<string, any> {
  const found = records().filter(record => record._aws);
  expect(found).toHaveLength(1);
  return found[0];
}

function logs(): Record<string, any>[] {
  return records().filter(record => !record._aws);
}

function handler() {
  // every call advances the clock by 250 ms, so latency is measurable
  let clock = NOW;
  return createHandler({
    dynamodb: new DynamoDBClient({}),
    bedrock: new BedrockAgentRuntimeClient({}),
    now: () => (clock += 250),
    sleep: async () => undefined,
  });
}

beforeEach(() => {
  dynamodb.reset();
  bedrock.reset();
  lines = [];
  writeSpy = jest.spyOn(process.stdout, 'write').mockImplementation(((chunk: string) => {
    lines.push(...String(chunk).split('\n').filter(line => line.trim() !== ''));
    return true;
  }) as any);
  Object.assign(process.env, {
    FLOW_IDENTIFIER: 'FLOW123456',
    FLOW_ALIAS_IDENTIFIER: 'ALIAS12345',
    INPUT_NODE_NAME: 'Contract',
    IDEMPOTENCY_TABLE_NAME: 'idempotency',
    REVIEW_OUTPUT_NODE_NAMES: 'NeedsReview, ManualCheck',
    METRICS_NAMESPACE: 'Contracts',
    PIPELINE_NAME: 'contracts-prod',
    IDEMPOTENCY_TTL_SECONDS: '3600',
  });
  delete process.env.RESULT_KEY_PREFIX;
});

afterEach(() => {
  writeSpy.mockRestore();
});

describe('a new object version', () => {
  beforeEach(() => {
    dynamodb.on(PutItemCommand).resolves({});
    dynamodb.on(UpdateItemCommand).resolves({});
  });

  test('claims the version, invokes the flow with the document and marks the record COMPLETED', async () => {
    // GIVEN
    bedrock.on(InvokeFlowCommand).resolves({ executionId: 'exec-1', responseStream: stream([output('Approved', { ok: true }), SUCCESS]) });

    // WHEN
    const result = await handler()(s3Event(OBJECT), CONTEXT);

    // THEN
    expect(result).toEqual({
      status: 'COMPLETED', executionIdentity: IDENTITY, executionId: 'exec-1', outputNodes: ['Approved'], routedToReview: false,
    });

    const claim = dynamodb.commandCalls(PutItemCommand)[0].args[0].input;
    expect(claim.TableName).toBe('idempotency');
    expect(claim.Item).toMatchObject({
      id: { S: IDENTITY },
      status: { S: 'IN_PROGRESS' },
      expiresAt: { N: String(Math.floor((NOW + 250) / 1000) + 3600) },
      inProgressUntil: { N: String(NOW + 250 + 60_000) },
      requestId: { S: 'req-1' },
    });
    expect(claim.ConditionExpression).toMatch(/attribute_not_exists\(id\)/);
    expect(claim.ExpressionAttributeValues).toMatchObject({ ':failed': { S: 'FAILED' }, ':nowMs': { N: String(NOW + 250) } });

    // the key is passed exactly as EventBridge delivered it (not URL-decoded)
    const invoke = bedrock.commandCalls(InvokeFlowCommand)[0].args[0].input;
    expect(invoke).toMatchObject({ flowIdentifier: 'FLOW123456', flowAliasIdentifier: 'ALIAS12345' });
    expect(invoke.inputs).toEqual([{
      nodeName: 'Contract',
      nodeOutputName: 'document',
      content: {
        document: {
          bucket: 'contracts',
          key: 'in/Master agreement+v2 100%.pdf',
          versionId: 'v1',
          etag: 'abc123',
          size: 1234,
          resultKey: 'results/in/Master agreement+v2 100%.pdf.analysis.md',
        },
      },
    }]);

    const update = dynamodb.commandCalls(UpdateItemCommand)[0].args[0].input;
    expect(update.Key).toEqual({ id: { S: IDENTITY } });
    expect(update.ExpressionAttributeValues).toMatchObject({
      ':completed': { S: 'COMPLETED' },
      ':outputNodes': { L: [{ S: 'Approved' }] },
      ':routed': { BOOL: false },
      ':executionId': { S: 'exec-1' },
    });
  });

  test('writes one EMF record with Invocations, Errors, Duplicates, Latency and RoutedToReview', async () => {
    // GIVEN
    bedrock.on(InvokeFlowCommand).resolves({ responseStream: stream([output('Approved', 'x'), SUCCESS]) });

    // WHEN
    await handler()(s3Event(OBJECT), CONTEXT);

    // THEN
    const record = emf();
    expect(record._aws.CloudWatchMetrics).toEqual([{
      Namespace: 'Contracts',
      Dimensions: [['Pipeline']],
      Metrics: expect.arrayContaining([
        { Name: 'Invocations', Unit: 'Count' },
        { Name: 'Errors', Unit: 'Count' },
        { Name: 'Duplicates', Unit: 'Count' },
        { Name: 'Latency', Unit: 'Milliseconds' },
        { Name: 'RoutedToReview', Unit: 'Count' },
      ]),
    }]);
    expect(record._aws.CloudWatchMetrics[0].Metrics).toHaveLength(5);
    expect(typeof record._aws.Timestamp).toBe('number');
    expect(record).toMatchObject({ Pipeline: 'contracts-prod', Invocations: 1, Errors: 0, Duplicates: 0, RoutedToReview: 0, executionIdentity: IDENTITY });
    // the flow call took one tick of the fake clock
    expect(record.Latency).toBe(250);
  });

  test('logs one JSON line per step with the execution identity and request id', async () => {
    // GIVEN
    bedrock.on(InvokeFlowCommand).resolves({ responseStream: stream([output('Approved', 'x'), SUCCESS]) });

    // WHEN
    await handler()(s3Event(OBJECT), CONTEXT);

    // THEN
    const messages = logs().map(line => line.message);
    expect(messages).toEqual([
      'received event',
      'claimed idempotency record',
      'invoking flow',
      'flow completed',
      'marked idempotency record COMPLETED',
    ]);
    for (const line of logs()) {
      expect(line).toMatchObject({ level: 'INFO', requestId: 'req-1', executionIdentity: IDENTITY, handler: 'invoker' });
      expect(Date.parse(line.timestamp)).not.toBeNaN();
    }
  });

  test('counts RoutedToReview when an output comes from a review output node', async () => {
    // GIVEN
    bedrock.on(InvokeFlowCommand).resolves({ responseStream: stream([output('Summary', 's'), output('ManualCheck', { queued: true }), SUCCESS]) });

    // WHEN
    const result = await handler()(s3Event(OBJECT), CONTEXT);

    // THEN
    expect(result.routedToReview).toBe(true);
    expect(result.outputNodes).toEqual(['Summary', 'ManualCheck']);
    expect(emf().RoutedToReview).toBe(1);
    expect(dynamodb.commandCalls(UpdateItemCommand)[0].args[0].input.ExpressionAttributeValues![':routed']).toEqual({ BOOL: true });
  });

  test('identifies an unversioned object by its ETag and honours RESULT_KEY_PREFIX', async () => {
    // GIVEN
    process.env.RESULT_KEY_PREFIX = 'out/';
    bedrock.on(InvokeFlowCommand).resolves({ responseStream: stream([SUCCESS]) });
    const { 'version-id': _ignored, ...unversioned } = OBJECT;

    // WHEN
    const result = await handler()(s3Event(unversioned), CONTEXT);

    // THEN
    expect(result.executionIdentity).toBe('contracts/in/Master agreement+v2 100%.pdf#abc123');
    const document = (bedrock.commandCalls(InvokeFlowCommand)[0].args[0].input.inputs![0].content as any).document;
    expect(document).not.toHaveProperty('versionId');
    expect(document.resultKey).toBe('out/in/Master agreement+v2 100%.pdf.analysis.md');
  });
});

describe('duplicate events', () => {
  test('skips a version that was already COMPLETED and counts a duplicate', async () => {
    // GIVEN
    dynamodb.on(PutItemCommand).rejects(new ConditionalCheckFailedException({
      message: 'The conditional request failed',
      $metadata: {},
      Item: { id: { S: IDENTITY }, status: { S: 'COMPLETED' }, requestId: { S: 'req-0' } },
    }));

    // WHEN
    const result = await handler()(s3Event(OBJECT), CONTEXT);

    // THEN
    expect(result).toEqual({ status: 'DUPLICATE', executionIdentity: IDENTITY, existingStatus: 'COMPLETED' });
    expect(bedrock.commandCalls(InvokeFlowCommand)).toHaveLength(0);
    expect(dynamodb.commandCalls(UpdateItemCommand)).toHaveLength(0);
    expect(emf()).toMatchObject({ Invocations: 1, Duplicates: 1, Errors: 0 });
    expect(emf()).not.toHaveProperty('RoutedToReview');
    expect(logs().find(line => /duplicate event skipped: this object version was already processed/.test(line.message)))
      .toMatchObject({ existingStatus: 'COMPLETED', existingRequestId: 'req-0' });
  });

  test('skips a version another invocation is processing (IN_PROGRESS, read back when the error has no item)', async () => {
    // GIVEN
    dynamodb.on(PutItemCommand).rejects(new ConditionalCheckFailedException({ message: 'The conditional request failed', $metadata: {} }));
    dynamodb.on(GetItemCommand).resolves({ Item: { id: { S: IDENTITY }, status: { S: 'IN_PROGRESS' } } });

    // WHEN
    const result = await handler()(s3Event(OBJECT), CONTEXT);

    // THEN
    expect(result).toMatchObject({ status: 'DUPLICATE', existingStatus: 'IN_PROGRESS' });
    expect(dynamodb.commandCalls(GetItemCommand)[0].args[0].input).toMatchObject({ ConsistentRead: true, Key: { id: { S: IDENTITY } } });
    expect(bedrock.commandCalls(InvokeFlowCommand)).toHaveLength(0);
    expect(emf().Duplicates).toBe(1);
    expect(logs().some(line => /being processed by another invocation/.test(line.message))).toBe(true);
  });

  test('retries a version whose earlier run FAILED', async () => {
    // GIVEN: the conditional write succeeds over a FAILED record
    dynamodb.on(PutItemCommand).resolves({ Attributes: { id: { S: IDENTITY }, status: { S: 'FAILED' } } });
    dynamodb.on(UpdateItemCommand).resolves({});
    bedrock.on(InvokeFlowCommand).resolves({ responseStream: stream([SUCCESS]) });

    // WHEN
    const result = await handler()(s3Event(OBJECT), CONTEXT);

    // THEN
    expect(result.status).toBe('COMPLETED');
    expect(logs().find(line => line.message === 'claimed idempotency record')).toMatchObject({ retry: true, previousStatus: 'FAILED' });
  });
});

describe('failures', () => {
  beforeEach(() => {
    dynamodb.on(PutItemCommand).resolves({});
    dynamodb.on(UpdateItemCommand).resolves({});
  });

  test('marks the record FAILED, counts an error and rethrows so Lambda retries', async () => {
    // GIVEN
    const cause = new DependencyFailedException({ message: 'Lambda function error', $metadata: {}, resourceName: 'Lambda' });
    bedrock.on(InvokeFlowCommand).resolves({ responseStream: stream([], cause) });

    // WHEN
    const error = await handler()(s3Event(OBJECT), CONTEXT).then(() => undefined, (e: unknown) => e);

    // THEN
    expect(error).toBeInstanceOf(FlowInvocationError);
    expect((error as FlowInvocationError).resourceName).toBe('Lambda');
    const updates = dynamodb.commandCalls(UpdateItemCommand).map(call => call.args[0].input);
    expect(updates).toHaveLength(1);
    expect(updates[0].Key).toEqual({ id: { S: IDENTITY } });
    expect(updates[0].ExpressionAttributeValues![':failed']).toEqual({ S: 'FAILED' });
    expect(updates[0].ExpressionAttributeValues![':error'].S).toMatch(/FlowInvocationError: .*DependencyFailedException/);
    expect(emf()).toMatchObject({ Invocations: 1, Errors: 1, Duplicates: 0 });
    expect(emf().Latency).toBeGreaterThan(0);
    expect(logs().find(line => line.level === 'ERROR')).toMatchObject({
      message: 'processing failed', executionIdentity: IDENTITY, error: { name: 'FlowInvocationError', resourceName: 'Lambda' },
    });
  });

  test('treats INPUT_REQUIRED as an error: the pipeline flow is single-turn', async () => {
    // GIVEN
    bedrock.on(InvokeFlowCommand).resolves({
      executionId: 'exec-7',
      responseStream: stream([
        { flowMultiTurnInputRequestEvent: { nodeName: 'Agent', nodeType: 'AgentNode' as any, content: { document: 'Which party?' } } },
        { flowCompletionEvent: { completionReason: 'INPUT_REQUIRED' } },
      ]),
    });

    // WHEN / THEN
    await expect(handler()(s3Event(OBJECT), CONTEXT)).rejects.toThrow(/INPUT_REQUIRED: node 'Agent' .* must be single-turn/);
    expect(dynamodb.commandCalls(UpdateItemCommand)[0].args[0].input.ExpressionAttributeValues![':failed']).toEqual({ S: 'FAILED' });
    expect(emf().Errors).toBe(1);
  });

  test('still rethrows the original error when marking the record FAILED fails', async () => {
    // GIVEN
    dynamodb.on(UpdateItemCommand).rejects(new Error('DynamoDB unavailable'));
    bedrock.on(InvokeFlowCommand).rejects(new Error('network down'));

    // WHEN / THEN
    await expect(handler()(s3Event(OBJECT), CONTEXT)).rejects.toThrow(/network down/);
    expect(logs().some(line => line.message === 'could not mark idempotency record FAILED')).toBe(true);
  });

  test('rejects an event without bucket or key before touching DynamoDB', async () => {
    await expect(handler()(s3Event({ size: 1 }), CONTEXT)).rejects.toThrow(/detail.bucket.name and detail.object.key are required/);
    expect(dynamodb.calls()).toHaveLength(0);
    expect(emf().Errors).toBe(1);
  });

  test('fails clearly when the flow is not configured', async () => {
    delete process.env.FLOW_IDENTIFIER;
    await expect(handler()(s3Event(OBJECT), CONTEXT)).rejects.toThrow(/FLOW_IDENTIFIER is not set/);
    expect(dynamodb.calls()).toHaveLength(0);
  });
});

test('ignores events other than Object Created', async () => {
  const result = await handler()(s3Event(OBJECT, 'Object Deleted'), CONTEXT);
  expect(result).toEqual({ status: 'IGNORED' });
  expect(dynamodb.calls()).toHaveLength(0);
  expect(emf()).toMatchObject({ Invocations: 1, Errors: 0, Duplicates: 0 });
});
