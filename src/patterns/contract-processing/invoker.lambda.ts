import { BedrockAgentRuntimeClient } from '@aws-sdk/client-bedrock-agent-runtime';
import {
  ConditionalCheckFailedException,
  DynamoDBClient,
  GetItemCommand,
  PutItemCommand,
  UpdateItemCommand,
  type AttributeValue,
} from '@aws-sdk/client-dynamodb';
import {
  describeError,
  envList,
  envNumber,
  envString,
  Logger,
  MetricsWriter,
  remainingTimeMs,
  requireEnv,
  type LambdaContextLike,
} from './handler-utils';
import { FlowInvoker, type FlowInvocationResult } from '../../runtime/flow-invoker';

// The EventBridge target of the contract-processing pipeline: for each S3 `Object Created` event,
// invokes the flow alias once per object version.
//
// Environment:
//   FLOW_IDENTIFIER, FLOW_ALIAS_IDENTIFIER  the flow and alias to invoke (ids or ARNs)
//   INPUT_NODE_NAME                         the flow's Input node (default `FlowInput`)
//   IDEMPOTENCY_TABLE_NAME                  DynamoDB table: partition key `id` (S), TTL attribute `expiresAt`
//   IDEMPOTENCY_TTL_SECONDS                 how long a record is kept (default 604800 = 7 days)
//   RESULT_KEY_PREFIX                       prefix of the result object key (default `results/`)
//   REVIEW_OUTPUT_NODE_NAMES                comma-separated Output node names that mean "routed to review"
//   METRICS_NAMESPACE                       CloudWatch namespace (default `ContractProcessing`)
//   PIPELINE_NAME                           value of the `Pipeline` metric dimension (default: the function name)
//
// The flow receives the Input document { bucket, key, versionId?, etag?, size?, resultKey } where
// resultKey = RESULT_KEY_PREFIX + key + '.analysis.md' (the analysis is Markdown text).
//
// Object keys: S3 URL-encodes the key in its classic event notifications (SQS, SNS, Lambda;
// `a b.pdf` arrives as `a+b.pdf`), but not in the events it sends to EventBridge, which carry the
// key as stored. So the key is used exactly as received: decoding it would corrupt keys that
// contain `+` or `%`.

/** The `detail` of an S3 `Object Created` event delivered by EventBridge. */
export interface S3ObjectCreatedDetail {
  /** The bucket. */
  readonly bucket: { readonly name: string };
  /** The object. */
  readonly object: {
    /** The object key, as stored (not URL-encoded). */
    readonly 'key': string;
    /** The object size in bytes. */
    readonly 'size'?: number;
    /** The object's ETag, without quotes. */
    readonly 'etag'?: string;
    /** The version id, in a versioned bucket. */
    readonly 'version-id'?: string;
    /** Orders events for the same key. */
    readonly 'sequencer'?: string;
  };
  /** The API that created the object (PutObject, CompleteMultipartUpload, CopyObject, ...). */
  readonly reason?: string;
}

/** An S3 event delivered by EventBridge. */
export interface S3ObjectCreatedEvent {
  /** The event id. */
  readonly 'id'?: string;
  /** `Object Created` for the events this function handles. */
  readonly 'detail-type'?: string;
  /** `aws.s3`. */
  readonly 'source'?: string;
  /** The event time. */
  readonly 'time'?: string;
  /** The event detail. */
  readonly 'detail': S3ObjectCreatedDetail;
}

/** The Input document the flow receives. */
export interface FlowInputDocument {
  /** The bucket of the contract. */
  readonly bucket: string;
  /** The key of the contract. */
  readonly key: string;
  /** The version id, in a versioned bucket. */
  readonly versionId?: string;
  /** The ETag. */
  readonly etag?: string;
  /** The size in bytes. */
  readonly size?: number;
  /** Where the flow writes the analysis: RESULT_KEY_PREFIX + key + '.analysis.md'. */
  readonly resultKey: string;
}

/** What the handler returns (EventBridge ignores it; it helps when testing or invoking by hand). */
export interface InvokerResult {
  /** `COMPLETED` when the flow ran, `DUPLICATE` when the event was skipped, `IGNORED` for other event types. */
  readonly status: 'COMPLETED' | 'DUPLICATE' | 'IGNORED';
  /** bucket/key#(versionId or etag). */
  readonly executionIdentity?: string;
  /** The flow execution id. */
  readonly executionId?: string;
  /** The names of the Output nodes the flow reached, in arrival order, without repeats. */
  readonly outputNodes?: string[];
  /** Whether an output came from one of REVIEW_OUTPUT_NODE_NAMES. */
  readonly routedToReview?: boolean;
  /** The state of the existing idempotency record, for a duplicate. */
  readonly existingStatus?: string;
}

/** What the handler uses, replaceable in tests. */
export interface InvokerDependencies {
  /** @default - a DynamoDBClient created on first use */
  readonly dynamodb?: DynamoDBClient;
  /** @default - a BedrockAgentRuntimeClient created on first use */
  readonly bedrock?: BedrockAgentRuntimeClient;
  /** @default Date.now */
  readonly now?: () => number;
  /** Waits between throttled InvokeFlow attempts. @default - a setTimeout based wait */
  readonly sleep?: (ms: number) => Promise<void>;
}

/** The states of an idempotency record. */
export type IdempotencyStatus = 'IN_PROGRESS' | 'COMPLETED' | 'FAILED';

const DEFAULT_TTL_SECONDS = 7 * 24 * 60 * 60;
/** Time kept free before the Lambda timeout, to mark the record FAILED and report the error. */
const TIMEOUT_SAFETY_MS = 10_000;
/** Without a Lambda context, how long an IN_PROGRESS record blocks duplicates. */
const DEFAULT_IN_PROGRESS_MS = 15 * 60 * 1000;
const MAX_ERROR_LENGTH = 1_000;

let defaultDynamoDb: DynamoDBClient | undefined;
let defaultBedrock: BedrockAgentRuntimeClient | undefined;

/** Creates the handler; `handler` below is the one Lambda runs. */
export function createHandler(deps: InvokerDependencies = {}) {
  const now = deps.now ?? Date.now;

  return async (event: S3ObjectCreatedEvent, context?: LambdaContextLike): Promise<InvokerResult> => {
    const dynamodb = deps.dynamodb ?? (defaultDynamoDb ??= new DynamoDBClient({}));
    const bedrock = deps.bedrock ?? (defaultBedrock ??= new BedrockAgentRuntimeClient({}));
    const requestId = context?.awsRequestId;
    const metrics = new MetricsWriter(
      envString('METRICS_NAMESPACE', 'ContractProcessing'),
      { Pipeline: envString('PIPELINE_NAME', process.env.AWS_LAMBDA_FUNCTION_NAME ?? 'default') },
    );
    metrics.put('Invocations', 1).put('Errors', 0).put('Duplicates', 0);
    let log = new Logger({ handler: 'invoker', requestId });
    let claimed: string | undefined;
    let flowStarted: number | undefined;

    try {
      if (event?.['detail-type'] !== undefined && event['detail-type'] !== 'Object Created') {
        log.warn('ignored event: not an S3 Object Created event', { detailType: event['detail-type'], eventId: event.id });
        return { status: 'IGNORED' };
      }
      const object = readObject(event);
      const executionIdentity = `${object.bucket}/${object.key}#${object.versionId ?? object.etag ?? object.sequencer ?? ''}`;
      log = log.child({ executionIdentity });
      metrics.property('executionIdentity', executionIdentity).property('requestId', requestId);
      log.info('received event', { eventId: event.id, bucket: object.bucket, key: object.key, versionId: object.versionId, etag: object.etag, size: object.size });

      const config = readConfig();
      const nowMs = now();
      const remaining = remainingTimeMs(context, DEFAULT_IN_PROGRESS_MS);

      // 1. claim the object version
      const claim = await claimRecord(dynamodb, config.tableName, {
        id: executionIdentity,
        nowMs,
        expiresAt: Math.floor(nowMs / 1000) + config.ttlSeconds,
        inProgressUntil: nowMs + remaining,
        requestId,
        object,
      });
      if (claim.duplicate) {
        metrics.put('Duplicates', 1);
        log.info(claim.status === 'COMPLETED'
          ? 'duplicate event skipped: this object version was already processed'
          : 'duplicate event skipped: this object version is being processed by another invocation', {
          existingStatus: claim.status, existingRequestId: claim.requestId,
        });
        return { status: 'DUPLICATE', executionIdentity, existingStatus: claim.status };
      }
      claimed = executionIdentity;
      log.info('claimed idempotency record', { table: config.tableName, retry: claim.previousStatus !== undefined, previousStatus: claim.previousStatus });

      // 2. invoke the flow
      const document: FlowInputDocument = {
        bucket: object.bucket,
        key: object.key,
        ...(object.versionId !== undefined ? { versionId: object.versionId } : {}),
        ...(object.etag !== undefined ? { etag: object.etag } : {}),
        ...(object.size !== undefined ? { size: object.size } : {}),
        resultKey: config.resultKeyPrefix + object.key + '.analysis.md',
      };
      const invoker = new FlowInvoker({
        flowIdentifier: config.flowIdentifier,
        flowAliasIdentifier: config.flowAliasIdentifier,
        inputNodeName: config.inputNodeName,
        client: bedrock,
        ...(deps.sleep ? { sleep: deps.sleep } : {}),
      });
      log.info('invoking flow', { flowIdentifier: config.flowIdentifier, flowAliasIdentifier: config.flowAliasIdentifier, inputNodeName: config.inputNodeName, resultKey: document.resultKey });
      flowStarted = now();
      const abortSignal = context?.getRemainingTimeInMillis
        ? AbortSignal.timeout(Math.max(1_000, remaining - TIMEOUT_SAFETY_MS))
        : undefined;
      const result: FlowInvocationResult = await invoker.invoke(document, abortSignal ? { abortSignal } : {});
      const latency = now() - flowStarted;
      metrics.put('Latency', latency, 'Milliseconds');
      if (result.completionReason === 'INPUT_REQUIRED') {
        throw new Error(
          `the flow stopped with INPUT_REQUIRED: node '${result.inputRequest?.nodeName}' (${result.inputRequest?.nodeType ?? 'unknown type'}) asked for more input ` +
          `in execution ${result.executionId}. The pipeline flow must be single-turn: configure its Agent nodes so they never ask the user a question.`);
      }
      const outputNodes = [...new Set(result.outputs.map(output => output.nodeName))];
      const routedToReview = result.outputs.some(output => config.reviewOutputNodeNames.includes(output.nodeName));
      metrics.put('RoutedToReview', routedToReview ? 1 : 0);
      log.info('flow completed', { executionId: result.executionId, outputNodes, outputs: result.outputs.length, routedToReview, latencyMs: latency, attempts: result.attempts });

      // 3. record the success
      await dynamodb.send(new UpdateItemCommand({
        TableName: config.tableName,
        Key: { id: { S: executionIdentity } },
        UpdateExpression: 'SET #status = :completed, completedAt = :now, outputNodes = :outputNodes, routedToReview = :routed, latencyMs = :latency'
          + (result.executionId ? ', flowExecutionId = :executionId' : ''),
        ExpressionAttributeNames: { '#status': 'status' },
        ExpressionAttributeValues: {
          ':completed': { S: 'COMPLETED' },
          ':now': { S: new Date(now()).toISOString() },
          ':outputNodes': { L: outputNodes.map(name => ({ S: name })) },
          ':routed': { BOOL: routedToReview },
          ':latency': { N: String(latency) },
          ...(result.executionId ? { ':executionId': { S: result.executionId } } : {}),
        },
      }));
      log.info('marked idempotency record COMPLETED');
      return { status: 'COMPLETED', executionIdentity, executionId: result.executionId, outputNodes, routedToReview };
    } catch (error) {
      metrics.put('Errors', 1);
      if (flowStarted !== undefined && !metrics.has('Latency')) {
        metrics.put('Latency', now() - flowStarted, 'Milliseconds');
      }
      log.error('processing failed', { error: describeError(error) });
      if (claimed) {
        await markFailed(dynamodb, claimed, error, now, log);
      }
      throw error;
    } finally {
      metrics.flush();
    }
  };
}

/** The Lambda entry point. */
export const handler = createHandler();

interface ObjectInfo {
  readonly bucket: string;
  readonly key: string;
  readonly versionId?: string;
  readonly etag?: string;
  readonly size?: number;
  readonly sequencer?: string;
}

function readObject(event: S3ObjectCreatedEvent): ObjectInfo {
  const detail = event?.detail;
  const bucket = detail?.bucket?.name;
  const object = detail?.object;
  if (typeof bucket !== 'string' || bucket === '' || typeof object?.key !== 'string' || object.key === '') {
    throw new Error(
      'the event is not an S3 Object Created event from EventBridge: detail.bucket.name and detail.object.key are required. ' +
      'Check the EventBridge rule that targets this function (source aws.s3, detail-type Object Created).');
  }
  const versionId = object['version-id'];
  return {
    bucket,
    key: object.key,
    ...(typeof versionId === 'string' && versionId !== '' && versionId !== 'null' ? { versionId } : {}),
    ...(typeof object.etag === 'string' && object.etag !== '' ? { etag: object.etag.replace(/^"|"$/g, '') } : {}),
    ...(typeof object.size === 'number' ? { size: object.size } : {}),
    ...(typeof object.sequencer === 'string' ? { sequencer: object.sequencer } : {}),
  };
}

interface InvokerConfig {
  readonly flowIdentifier: string;
  readonly flowAliasIdentifier: string;
  readonly inputNodeName: string;
  readonly tableName: string;
  readonly ttlSeconds: number;
  readonly resultKeyPrefix: string;
  readonly reviewOutputNodeNames: string[];
}

function readConfig(): InvokerConfig {
  return {
    flowIdentifier: requireEnv('FLOW_IDENTIFIER'),
    flowAliasIdentifier: requireEnv('FLOW_ALIAS_IDENTIFIER'),
    inputNodeName: envString('INPUT_NODE_NAME', 'FlowInput'),
    tableName: requireEnv('IDEMPOTENCY_TABLE_NAME'),
    ttlSeconds: Math.floor(envNumber('IDEMPOTENCY_TTL_SECONDS', DEFAULT_TTL_SECONDS)),
    // an empty RESULT_KEY_PREFIX means "no prefix", so it is read without a fallback for ''
    resultKeyPrefix: process.env.RESULT_KEY_PREFIX ?? 'results/',
    reviewOutputNodeNames: envList('REVIEW_OUTPUT_NODE_NAMES'),
  };
}

interface ClaimRequest {
  readonly id: string;
  readonly nowMs: number;
  readonly expiresAt: number;
  readonly inProgressUntil: number;
  readonly requestId?: string;
  readonly object: ObjectInfo;
}

type ClaimResult =
  | { readonly duplicate: false; readonly previousStatus?: string }
  | { readonly duplicate: true; readonly status: string; readonly requestId?: string };

/**
 * Writes an IN_PROGRESS record unless one exists that blocks the run: COMPLETED and not expired,
 * or IN_PROGRESS and neither expired nor past its owner's timeout. FAILED records are retried.
 */
async function claimRecord(dynamodb: DynamoDBClient, tableName: string, request: ClaimRequest): Promise<ClaimResult> {
  const item: Record<string, AttributeValue> = {
    id: { S: request.id },
    status: { S: 'IN_PROGRESS' },
    expiresAt: { N: String(request.expiresAt) },
    inProgressUntil: { N: String(request.inProgressUntil) },
    startedAt: { S: new Date(request.nowMs).toISOString() },
    bucket: { S: request.object.bucket },
    objectKey: { S: request.object.key },
    ...(request.object.versionId ? { versionId: { S: request.object.versionId } } : {}),
    ...(request.object.etag ? { etag: { S: request.object.etag } } : {}),
    ...(request.requestId ? { requestId: { S: request.requestId } } : {}),
  };
  try {
    const response = await dynamodb.send(new PutItemCommand({
      TableName: tableName,
      Item: item,
      ConditionExpression: 'attribute_not_exists(id) OR expiresAt < :nowSeconds OR #status = :failed '
        + 'OR (#status = :inProgress AND inProgressUntil < :nowMs)',
      ExpressionAttributeNames: { '#status': 'status' },
      ExpressionAttributeValues: {
        ':nowSeconds': { N: String(Math.floor(request.nowMs / 1000)) },
        ':nowMs': { N: String(request.nowMs) },
        ':failed': { S: 'FAILED' },
        ':inProgress': { S: 'IN_PROGRESS' },
      },
      ReturnValues: 'ALL_OLD',
      ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
    }));
    return { duplicate: false, previousStatus: response?.Attributes?.status?.S };
  } catch (error) {
    if (!isConditionalCheckFailed(error)) {
      throw error;
    }
    const existing = (error as ConditionalCheckFailedException).Item
      ?? (await dynamodb.send(new GetItemCommand({ TableName: tableName, Key: { id: { S: request.id } }, ConsistentRead: true })))?.Item;
    const status = existing?.status?.S;
    if (status === 'COMPLETED' || status === 'IN_PROGRESS') {
      return { duplicate: true, status, requestId: existing?.requestId?.S };
    }
    // the record changed between the write and the read (deleted, or just marked FAILED): let Lambda retry
    throw new Error(`could not claim idempotency record '${request.id}' (current status: ${status ?? 'none'}); the event will be retried`);
  }
}

function isConditionalCheckFailed(error: unknown): boolean {
  return error instanceof ConditionalCheckFailedException
    || (error as { name?: string } | undefined)?.name === 'ConditionalCheckFailedException';
}

async function markFailed(dynamodb: DynamoDBClient, id: string, error: unknown, now: () => number, log: Logger): Promise<void> {
  const tableName = process.env.IDEMPOTENCY_TABLE_NAME!;
  const message = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  try {
    await dynamodb.send(new UpdateItemCommand({
      TableName: tableName,
      Key: { id: { S: id } },
      UpdateExpression: 'SET #status = :failed, failedAt = :now, #error = :error',
      ExpressionAttributeNames: { '#status': 'status', '#error': 'error' },
      ExpressionAttributeValues: {
        ':failed': { S: 'FAILED' },
        ':now': { S: new Date(now()).toISOString() },
        ':error': { S: message.slice(0, MAX_ERROR_LENGTH) },
      },
    }));
    log.info('marked idempotency record FAILED; the event may be retried');
  } catch (updateError) {
    // the record stays IN_PROGRESS until inProgressUntil, after which a retry may claim it
    log.error('could not mark idempotency record FAILED', { error: describeError(updateError) });
  }
}
