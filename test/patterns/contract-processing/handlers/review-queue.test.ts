import { SendMessageCommand, SQSClient } from '@aws-sdk/client-sqs';
import { mockClient } from 'aws-sdk-client-mock';
import type { FlowLambdaNodeEvent } from '../../../../src/patterns/contract-processing/handler-utils';
import { createHandler } from '../../../../src/patterns/contract-processing/review-queue.lambda';

process.env.AWS_REGION = 'us-east-1';
process.env.AWS_ACCESS_KEY_ID = 'AKIDTEST';
process.env.AWS_SECRET_ACCESS_KEY = 'secret';

const sqs = mockClient(SQSClient);
const QUEUE_URL = 'https://sqs.us-east-1.amazonaws.com/123456789012/review';
const FLOW_ARN = 'arn:aws:bedrock:us-east-1:123456789012:flow/FLOW123456';
const ALIAS_ARN = 'arn:aws:bedrock:us-east-1:123456789012:flow/FLOW123456/alias/ALIAS12345';
const DOCUMENT = { bucket: 'contracts', key: 'in/a.pdf', versionId: 'v1', resultKey: 'results/in/a.pdf.json' };

function nodeEvent(values: Record<string, unknown>): FlowLambdaNodeEvent {
  const types: Record<string, string> = { analysis: 'String', score: 'Number', document: 'Object' };
  return {
    messageVersion: '1.0',
    flow: { flowArn: FLOW_ARN, flowAliasArn: ALIAS_ARN },
    node: {
      name: 'SendToReview',
      inputs: Object.entries(values).map(([name, value]) => ({ name, type: types[name] ?? 'String', expression: '$.data', value })),
    },
  };
}

const now = () => new Date('2026-01-02T03:04:05.000Z');

beforeEach(() => {
  // the handlers log JSON lines to stdout; keep the test output readable
  jest.spyOn(process.stdout, 'write').mockImplementation(() => true);
  sqs.reset();
  process.env.REVIEW_QUEUE_URL = QUEUE_URL;
});

afterEach(() => {
  jest.restoreAllMocks();
});

test('sends one message with the document, analysis, score and flow, and returns its id', async () => {
  // GIVEN
  sqs.on(SendMessageCommand).resolves({ MessageId: 'msg-1' });
  const handler = createHandler({ sqs: new SQSClient({}), now });

  // WHEN
  const result = await handler(nodeEvent({ analysis: 'Clause 7 is one-sided.', score: 4, document: DOCUMENT }));

  // THEN
  expect(result).toEqual({ queued: true, messageId: 'msg-1' });
  const calls = sqs.commandCalls(SendMessageCommand);
  expect(calls).toHaveLength(1);
  const input = calls[0].args[0].input;
  expect(input.QueueUrl).toBe(QUEUE_URL);
  expect(JSON.parse(input.MessageBody!)).toEqual({
    document: DOCUMENT,
    analysis: 'Clause 7 is one-sided.',
    score: 4,
    flowArn: FLOW_ARN,
    flowAliasArn: ALIAS_ARN,
    queuedAt: '2026-01-02T03:04:05.000Z',
  });
  expect(input.MessageAttributes).toEqual({ score: { DataType: 'Number', StringValue: '4' } });
  expect(input).not.toHaveProperty('MessageGroupId');
});

test('accepts a score that arrives as a numeric string, and a document that arrives as JSON text', async () => {
  // GIVEN
  sqs.on(SendMessageCommand).resolves({ MessageId: 'msg-2' });
  const handler = createHandler({ sqs: new SQSClient({}), now });

  // WHEN
  await handler(nodeEvent({ analysis: 'ok', score: ' 6.5 ', document: JSON.stringify(DOCUMENT) }));

  // THEN
  const body = JSON.parse(sqs.commandCalls(SendMessageCommand)[0].args[0].input.MessageBody!);
  expect(body.score).toBe(6.5);
  expect(body.document).toEqual(DOCUMENT);
});

test('sets a group and a deduplication id for a FIFO queue', async () => {
  // GIVEN
  process.env.REVIEW_QUEUE_URL = QUEUE_URL + '.fifo';
  sqs.on(SendMessageCommand).resolves({ MessageId: 'msg-3' });
  const handler = createHandler({ sqs: new SQSClient({}), now });

  // WHEN
  await handler(nodeEvent({ analysis: 'a', score: 1, document: DOCUMENT }));
  await handler(nodeEvent({ analysis: 'a', score: 1, document: { ...DOCUMENT, versionId: 'v2' } }));

  // THEN
  const [first, second] = sqs.commandCalls(SendMessageCommand).map(call => call.args[0].input);
  expect(first.MessageGroupId).toMatch(/^[0-9a-f]{64}$/);
  expect(first.MessageDeduplicationId).toMatch(/^[0-9a-f]{64}$/);
  expect(second.MessageDeduplicationId).not.toBe(first.MessageDeduplicationId);
});

test('fails on a score that is not a number', async () => {
  const handler = createHandler({ sqs: new SQSClient({}), now });
  await expect(handler(nodeEvent({ analysis: 'a', score: 'high', document: DOCUMENT })))
    .rejects.toThrow(/input 'score' of node 'SendToReview' must be a finite number/);
  expect(sqs.calls()).toHaveLength(0);
});

test('names a missing input and the inputs the node has', async () => {
  const handler = createHandler({ sqs: new SQSClient({}), now });
  await expect(handler(nodeEvent({ score: 1, document: DOCUMENT })))
    .rejects.toThrow(/node 'SendToReview' has no input 'analysis' \(String\); it has 'score' \(Number\), 'document' \(Object\)/);
});

test('fails when REVIEW_QUEUE_URL is not set', async () => {
  delete process.env.REVIEW_QUEUE_URL;
  const handler = createHandler({ sqs: new SQSClient({}), now });
  await expect(handler(nodeEvent({ analysis: 'a', score: 1, document: DOCUMENT }))).rejects.toThrow(/REVIEW_QUEUE_URL is not set/);
});
