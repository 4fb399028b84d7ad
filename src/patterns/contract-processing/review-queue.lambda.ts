import { createHash } from 'crypto';
import { SendMessageCommand, SQSClient } from '@aws-sdk/client-sqs';
import {
  asFlowNodeEvent,
  Logger,
  requireEnv,
  requireNumberInput,
  requireObjectInput,
  requireStringInput,
  type FlowLambdaNodeEvent,
  type LambdaContextLike,
} from './handler-utils';

// LambdaFunction node of the contract-processing flow: sends a contract whose quality score is below
// the threshold to the human review queue.
//
// Node inputs: `analysis` (String), `score` (Number), `document` (Object: the flow's input document)
// Returns:     { queued: true, messageId } (the node's `functionResponse`)
// Environment: REVIEW_QUEUE_URL
//
// The message body is JSON: { document, analysis, score, flowArn, flowAliasArn, queuedAt }.

/** The body of a review message. */
export interface ReviewMessage {
  /** The flow's input document (bucket, key, version, ...). */
  readonly document: Record<string, unknown>;
  /** The analysis the flow produced. */
  readonly analysis: string;
  /** The quality score the flow gave the analysis. */
  readonly score: number;
  /** The flow that routed the document to review. */
  readonly flowArn: string;
  /** The alias the flow ran through. */
  readonly flowAliasArn: string;
  /** When the message was sent (ISO 8601). */
  readonly queuedAt: string;
}

/** What the function returns: the node's `functionResponse`. */
export interface ReviewQueueResult {
  /** Always `true`: a failure throws, which fails the node. */
  readonly queued: true;
  /** The SQS message id. */
  readonly messageId: string;
}

/** What the handler uses, replaceable in tests. */
export interface ReviewQueueDependencies {
  /** @default - an SQSClient created on first use */
  readonly sqs?: SQSClient;
  /** @default () => new Date() */
  readonly now?: () => Date;
}

let defaultClient: SQSClient | undefined;

/** Creates the handler; `handler` below is the one Lambda runs. */
export function createHandler(deps: ReviewQueueDependencies = {}) {
  const now = deps.now ?? (() => new Date());

  return async (rawEvent: FlowLambdaNodeEvent, context?: LambdaContextLike): Promise<ReviewQueueResult> => {
    const sqs = deps.sqs ?? (defaultClient ??= new SQSClient({}));
    const event = asFlowNodeEvent(rawEvent);
    const queueUrl = requireEnv('REVIEW_QUEUE_URL');
    const message: ReviewMessage = {
      document: requireObjectInput(event, 'document'),
      analysis: requireStringInput(event, 'analysis'),
      score: requireNumberInput(event, 'score'),
      flowArn: event.flow?.flowArn ?? '',
      flowAliasArn: event.flow?.flowAliasArn ?? '',
      queuedAt: now().toISOString(),
    };
    const log = new Logger({ handler: 'review-queue', requestId: context?.awsRequestId, node: event.node.name });
    const body = JSON.stringify(message);

    // A FIFO queue needs a group and a deduplication id: one group per document, and the same
    // document version routed twice by the same flow is delivered once.
    const fifo = queueUrl.endsWith('.fifo');
    const documentId = [message.document.bucket, message.document.key, message.document.versionId ?? message.document.etag]
      .filter(part => typeof part === 'string' && part !== '').join('/');
    const response = await sqs.send(new SendMessageCommand({
      QueueUrl: queueUrl,
      MessageBody: body,
      MessageAttributes: {
        score: { DataType: 'Number', StringValue: String(message.score) },
      },
      ...(fifo ? {
        MessageGroupId: hash(documentId || body).slice(0, 128),
        MessageDeduplicationId: hash(`${message.flowArn}|${documentId || body}`).slice(0, 128),
      } : {}),
    }));
    if (!response.MessageId) {
      throw new Error(`SQS SendMessage to ${queueUrl} returned no MessageId`);
    }
    log.info('queued for review', { messageId: response.MessageId, score: message.score, document: documentId || undefined, bytes: Buffer.byteLength(body) });
    return { queued: true, messageId: response.MessageId };
  };
}

/** The Lambda entry point. */
export const handler = createHandler();

function hash(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}
