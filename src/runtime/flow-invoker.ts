// The SDK is not a dependency of the construct library itself: only users of this TypeScript-only
// runtime entry point (`cdk-bedrock-flows/lib/runtime`) and the bundled Lambda handlers need it.
// eslint-disable-next-line import/no-extraneous-dependencies
import {
  BedrockAgentRuntimeClient,
  InvokeFlowCommand,
  type FlowInput,
  type FlowInputContent,
  type FlowResponseStream,
  type InvokeFlowRequest,
} from '@aws-sdk/client-bedrock-agent-runtime';

/** The JSON value type the SDK accepts as a flow input document. */
type SdkDocument = FlowInputContent.DocumentMember['document'];

/**
 * The completion reasons with which {@link FlowInvoker.invoke} and {@link FlowInvoker.continue} return.
 * Every other completion reason is reported as a {@link FlowInvocationError}.
 */
export type FlowCompletionReason = 'SUCCESS' | 'INPUT_REQUIRED';

/** The in-stream exception members of `FlowResponseStream`, in the order the service model lists them. */
const STREAM_EXCEPTION_MEMBERS = [
  'accessDeniedException',
  'badGatewayException',
  'conflictException',
  'dependencyFailedException',
  'internalServerException',
  'resourceNotFoundException',
  'serviceQuotaExceededException',
  'throttlingException',
  'validationException',
] as const;

/** What to check for each modelled exception, keyed by the exception's `name`. */
const EXCEPTION_HINTS: Record<string, string> = {
  AccessDeniedException:
    'check that the caller may call bedrock:InvokeFlow on the flow alias ARN, and that the flow service role may reach every resource its nodes use',
  BadGatewayException:
    'a resource a node calls returned an invalid response; check that resource and retry later',
  ConflictException:
    'a conflicting request is in progress (for example the same executionId is already running); retry later with a new or finished execution',
  DependencyFailedException:
    'a resource a node calls failed; check that resource\'s logs (for a Lambda node, the function\'s CloudWatch logs) and the flow service role\'s permissions',
  InternalServerException:
    'Amazon Bedrock reported an internal error; retry later',
  ResourceNotFoundException:
    'check the flow identifier and the flow alias identifier, and that the alias routes to a prepared flow version in this account and Region',
  ServiceQuotaExceededException:
    'a Bedrock service quota was exceeded; check the account\'s Amazon Bedrock quotas',
  ThrottlingException:
    'the request rate exceeded the account\'s limits; reduce concurrency or request a quota increase',
  ValidationException:
    'check the input node name, the input node output name (`document` for an Input node) and that the document\'s JSON type matches the Input node\'s output type',
};

/** One `flowOutputEvent`: the document an Output node produced. */
export interface FlowOutputRecord {
  /**
   * The name of the Output node that produced the document.
   * An event without a node name is recorded with the empty string, which is never a valid node name.
   */
  readonly nodeName: string;
  /**
   * The node type the service reported (for example `FlowOutputNode`).
   * Treated as an open string: the service may send values the SDK's enum does not list, or none.
   */
  readonly nodeType?: string;
  /** The output document. */
  readonly document: unknown;
}

/** A `flowMultiTurnInputRequestEvent`: a node (typically an Agent node) that needs more input. */
export interface FlowInputRequest {
  /** The name of the node that asks for input; pass it to {@link FlowInvoker.continue}. */
  readonly nodeName: string;
  /** The node type the service reported, as an open string. */
  readonly nodeType?: string;
  /** The document the node sent along with the request (for an Agent node, its question). */
  readonly document: unknown;
}

/** The result of one flow invocation that completed with `SUCCESS` or `INPUT_REQUIRED`. */
export interface FlowInvocationResult {
  /** The execution id; pass it to {@link FlowInvoker.continue} to answer an input request. */
  readonly executionId?: string;
  /** Why the flow stopped: it finished (`SUCCESS`) or a node waits for input (`INPUT_REQUIRED`). */
  readonly completionReason: FlowCompletionReason;
  /** Every output event, in arrival order. */
  readonly outputs: FlowOutputRecord[];
  /** The output documents grouped by output node name, each list in arrival order. */
  readonly outputsByNode: Record<string, unknown[]>;
  /** The input request, present when `completionReason` is `INPUT_REQUIRED`. */
  readonly inputRequest?: FlowInputRequest;
  /** The `trace` of every `flowTraceEvent`, in arrival order; empty unless tracing is enabled. */
  readonly traces: unknown[];
  /** How many InvokeFlow requests it took (more than one after throttling). */
  readonly attempts: number;
}

/** Options of a {@link FlowInvoker}. */
export interface FlowInvokerOptions {
  /** The flow id (10 characters) or flow ARN. */
  readonly flowIdentifier: string;
  /** The alias id, alias ARN, or `TSTALIASID` for the working draft. */
  readonly flowAliasIdentifier: string;
  /**
   * The client to send requests with.
   * @default - a new `BedrockAgentRuntimeClient` with the default configuration chain
   */
  readonly client?: BedrockAgentRuntimeClient;
  /**
   * The name of the flow's Input node.
   * @default 'FlowInput'
   */
  readonly inputNodeName?: string;
  /**
   * The output name of the Input node.
   * @default 'document'
   */
  readonly inputNodeOutputName?: string;
  /**
   * Whether to ask for `flowTraceEvent`s and collect them in `traces`.
   * @default false
   */
  readonly enableTrace?: boolean;
  /**
   * How many InvokeFlow requests to make at most when the service throttles (the first included).
   * @default 4
   */
  readonly maxAttempts?: number;
  /**
   * The base of the exponential backoff between throttled attempts, in milliseconds.
   * @default 200
   */
  readonly baseDelayMs?: number;
  /**
   * The longest backoff between two attempts, in milliseconds.
   * @default 5000
   */
  readonly maxDelayMs?: number;
  /**
   * Waits the given number of milliseconds; replace it in tests.
   * @default - a `setTimeout` based wait
   */
  readonly sleep?: (ms: number) => Promise<void>;
  /**
   * Returns a number in [0, 1) for the backoff jitter; replace it in tests.
   * @default Math.random
   */
  readonly random?: () => number;
}

/** Options of one {@link FlowInvoker.invoke} call. */
export interface FlowInvokeOptions {
  /**
   * The execution id to run under (2–100 characters of `[0-9a-zA-Z._:-]`).
   * @default - the service creates one
   */
  readonly executionId?: string;
  /**
   * Whether to collect trace events for this call.
   * @default - the invoker's `enableTrace`
   */
  readonly enableTrace?: boolean;
  /**
   * Aborts the request and the stream, for example before a Lambda function times out.
   * @default - no abort signal
   */
  readonly abortSignal?: AbortSignal;
}

/** Options of one {@link FlowInvoker.continue} call, which answers an input request. */
export interface FlowContinueOptions {
  /** The node that asked for input (`inputRequest.nodeName`). */
  readonly nodeName: string;
  /**
   * The input of that node to answer.
   * @default 'agentInputText'
   */
  readonly nodeInputName?: string;
  /** The answer. */
  readonly document: unknown;
  /**
   * Whether to collect trace events for this call.
   * @default - the invoker's `enableTrace`
   */
  readonly enableTrace?: boolean;
  /**
   * Aborts the request and the stream.
   * @default - no abort signal
   */
  readonly abortSignal?: AbortSignal;
}

/** The details a {@link FlowInvocationError} carries besides its message. */
export interface FlowInvocationErrorDetails {
  /** The completion reason the service sent, if any. */
  readonly completionReason?: string;
  /** The execution id, if the service sent one. */
  readonly executionId?: string;
  /** The outputs received before the failure, in arrival order. */
  readonly outputs?: FlowOutputRecord[];
  /** The outputs received before the failure, grouped by output node name. */
  readonly outputsByNode?: Record<string, unknown[]>;
  /** The `name` of the service exception (for example `DependencyFailedException`), if one was raised. */
  readonly exceptionName?: string;
  /** The resource the service named in the exception (badGateway, dependencyFailed). */
  readonly resourceName?: string;
  /** The reason the service gave in the exception (internalServer). */
  readonly reason?: string;
  /** How many InvokeFlow requests were made. */
  readonly attempts?: number;
  /** The original error. */
  readonly cause?: unknown;
}

/**
 * A flow invocation that did not complete with `SUCCESS` or `INPUT_REQUIRED`: an exception from the
 * service (before or during the response stream), another completion reason, or a stream that ended
 * without a completion event. The partial outputs received before the failure are kept.
 */
export class FlowInvocationError extends Error {
  /** The completion reason the service sent, if any. */
  public readonly completionReason?: string;
  /** The execution id, if the service sent one. */
  public readonly executionId?: string;
  /** The outputs received before the failure, in arrival order. */
  public readonly outputs: FlowOutputRecord[];
  /** The outputs received before the failure, grouped by output node name. */
  public readonly outputsByNode: Record<string, unknown[]>;
  /** The `name` of the service exception, if one was raised. */
  public readonly exceptionName?: string;
  /** The resource the service named in the exception, if any. */
  public readonly resourceName?: string;
  /** The reason the service gave in the exception, if any. */
  public readonly reason?: string;
  /** How many InvokeFlow requests were made. */
  public readonly attempts: number;

  /**
   * @param message what happened and what to check
   * @param details the execution state at the time of the failure
   */
  constructor(message: string, details: FlowInvocationErrorDetails = {}) {
    super(message, details.cause === undefined ? undefined : { cause: details.cause });
    this.name = 'FlowInvocationError';
    this.completionReason = details.completionReason;
    this.executionId = details.executionId;
    this.outputs = details.outputs ?? [];
    this.outputsByNode = details.outputsByNode ?? groupByNode(this.outputs);
    this.exceptionName = details.exceptionName;
    this.resourceName = details.resourceName;
    this.reason = details.reason;
    this.attempts = details.attempts ?? 1;
  }
}

/** The state collected from one InvokeFlow response stream. */
interface AttemptState {
  executionId?: string;
  completionReason?: string;
  outputs: FlowOutputRecord[];
  inputRequest?: FlowInputRequest;
  traces: unknown[];
}

/** What one InvokeFlow request sends, apart from the flow and alias. */
interface InvokeRequest {
  readonly input: FlowInput;
  readonly executionId?: string;
  readonly enableTrace: boolean;
  readonly abortSignal?: AbortSignal;
  readonly description: string;
}

const DEFAULT_SLEEP = (ms: number): Promise<void> => new Promise(resolve => setTimeout(resolve, ms));

/**
 * Invokes an Amazon Bedrock flow alias with `InvokeFlow` and collects its response stream.
 *
 * - `invoke()` sends one document to the Input node and returns every output, grouped by output node.
 * - A flow that stops with `INPUT_REQUIRED` (an Agent node asking a question) returns the request;
 *   answer it with `continue()` and the same execution id.
 * - Throttling is retried with exponential backoff and full jitter, but only while no output has
 *   arrived in that attempt: a flow that already produced output is never run again.
 * - Every other failure is a {@link FlowInvocationError} naming the exception and what to check.
 *
 * @example
 * const invoker = new FlowInvoker({ flowIdentifier: 'ABCDEFGHIJ', flowAliasIdentifier: 'KLMNOPQRST' });
 * const result = await invoker.invoke({ bucket: 'contracts', key: 'a.pdf' });
 * console.log(result.outputsByNode.Approved);
 */
export class FlowInvoker {
  /** The flow id or ARN this invoker calls. */
  public readonly flowIdentifier: string;
  /** The alias id or ARN this invoker calls. */
  public readonly flowAliasIdentifier: string;
  /** The name of the flow's Input node. */
  public readonly inputNodeName: string;
  /** The output name of the Input node. */
  public readonly inputNodeOutputName: string;

  private readonly client: BedrockAgentRuntimeClient;
  private readonly enableTrace: boolean;
  private readonly maxAttempts: number;
  private readonly baseDelayMs: number;
  private readonly maxDelayMs: number;
  private readonly sleep: (ms: number) => Promise<void>;
  private readonly random: () => number;

  /**
   * @param options the flow alias to call and how to call it
   */
  constructor(options: FlowInvokerOptions) {
    if (!options.flowIdentifier) {
      throw new Error('FlowInvoker needs a flowIdentifier (the flow id or ARN)');
    }
    if (!options.flowAliasIdentifier) {
      throw new Error('FlowInvoker needs a flowAliasIdentifier (the alias id or ARN, or TSTALIASID for the draft)');
    }
    const maxAttempts = options.maxAttempts ?? 4;
    if (!Number.isInteger(maxAttempts) || maxAttempts < 1) {
      throw new Error(`FlowInvoker maxAttempts must be a whole number of at least 1, got ${maxAttempts}`);
    }
    this.flowIdentifier = options.flowIdentifier;
    this.flowAliasIdentifier = options.flowAliasIdentifier;
    this.inputNodeName = options.inputNodeName ?? 'FlowInput';
    this.inputNodeOutputName = options.inputNodeOutputName ?? 'document';
    this.client = options.client ?? new BedrockAgentRuntimeClient({});
    this.enableTrace = options.enableTrace ?? false;
    this.maxAttempts = maxAttempts;
    this.baseDelayMs = Math.max(0, options.baseDelayMs ?? 200);
    this.maxDelayMs = Math.max(this.baseDelayMs, options.maxDelayMs ?? 5000);
    this.sleep = options.sleep ?? DEFAULT_SLEEP;
    this.random = options.random ?? Math.random;
  }

  /**
   * Sends `document` to the Input node and collects the response stream.
   *
   * @param document the input document; its JSON type must match the Input node's output type
   * @param options execution id, trace and abort signal for this call
   * @returns the outputs, and the input request when a node waits for input
   * @throws FlowInvocationError when the flow fails, or completes with another reason
   */
  public async invoke(document: unknown, options: FlowInvokeOptions = {}): Promise<FlowInvocationResult> {
    return this.run({
      input: {
        nodeName: this.inputNodeName,
        nodeOutputName: this.inputNodeOutputName,
        content: { document: document as SdkDocument },
      },
      executionId: options.executionId,
      enableTrace: options.enableTrace ?? this.enableTrace,
      abortSignal: options.abortSignal,
      description: `InvokeFlow on flow '${this.flowIdentifier}' alias '${this.flowAliasIdentifier}'`,
    });
  }

  /**
   * Answers a `flowMultiTurnInputRequestEvent`: sends `document` to the node that asked, under the
   * same execution id.
   *
   * @param executionId the `executionId` of the result that carried the input request
   * @param options the node that asked, the input to answer and the answer
   * @returns the outputs, and the next input request when the node asks again
   * @throws FlowInvocationError when the flow fails, or completes with another reason
   */
  public async continue(executionId: string, options: FlowContinueOptions): Promise<FlowInvocationResult> {
    if (!executionId) {
      throw new Error('FlowInvoker.continue() needs the executionId of the invocation that returned INPUT_REQUIRED');
    }
    if (!options.nodeName) {
      throw new Error('FlowInvoker.continue() needs the nodeName of the node that asked for input (inputRequest.nodeName)');
    }
    return this.run({
      input: {
        nodeName: options.nodeName,
        nodeInputName: options.nodeInputName ?? 'agentInputText',
        content: { document: options.document as SdkDocument },
      },
      executionId,
      enableTrace: options.enableTrace ?? this.enableTrace,
      abortSignal: options.abortSignal,
      description: `InvokeFlow (reply to node '${options.nodeName}' in execution '${executionId}') on flow '${this.flowIdentifier}' alias '${this.flowAliasIdentifier}'`,
    });
  }

  private async run(request: InvokeRequest): Promise<FlowInvocationResult> {
    for (let attempt = 1; ; attempt++) {
      const state: AttemptState = { executionId: request.executionId, outputs: [], traces: [] };
      try {
        await this.attempt(request, state);
      } catch (error) {
        const throttled = isThrottling(error);
        const madeProgress = state.outputs.length > 0 || state.inputRequest !== undefined;
        if (throttled && !madeProgress && attempt < this.maxAttempts && !request.abortSignal?.aborted) {
          await this.sleep(this.backoff(attempt));
          continue;
        }
        throw this.wrap(error, request, state, attempt, throttled && madeProgress);
      }
      return this.complete(request, state, attempt);
    }
  }

  private async attempt(request: InvokeRequest, state: AttemptState): Promise<void> {
    const params: InvokeFlowRequest = {
      flowIdentifier: this.flowIdentifier,
      flowAliasIdentifier: this.flowAliasIdentifier,
      inputs: [request.input],
      ...(request.enableTrace ? { enableTrace: true } : {}),
      ...(request.executionId ? { executionId: request.executionId } : {}),
    };
    const response = await this.client.send(new InvokeFlowCommand(params),
      request.abortSignal ? { abortSignal: request.abortSignal } : {});
    state.executionId = response.executionId ?? state.executionId;
    if (!response.responseStream) {
      return;
    }
    for await (const event of response.responseStream) {
      collect(event, state, request.enableTrace);
    }
  }

  private complete(request: InvokeRequest, state: AttemptState, attempts: number): FlowInvocationResult {
    const details = {
      completionReason: state.completionReason,
      executionId: state.executionId,
      outputs: state.outputs,
      attempts,
    };
    const received = `${state.outputs.length} output event(s)${outputNodeList(state.outputs)}`;
    if (state.completionReason === undefined) {
      throw new FlowInvocationError(
        `${request.description}: the response stream ended without a flowCompletionEvent after ${received}. ` +
        'The connection may have dropped or the flow may have timed out; check the logs of the flow\'s nodes ' +
        '(the outputs received so far are on the error) before running it again.',
        details);
    }
    if (state.completionReason === 'INPUT_REQUIRED') {
      if (!state.inputRequest) {
        throw new FlowInvocationError(
          `${request.description}: the flow completed with INPUT_REQUIRED but sent no flowMultiTurnInputRequestEvent, ` +
          'so there is no node to answer. Check the flow\'s Agent nodes.',
          details);
      }
    } else if (state.completionReason !== 'SUCCESS') {
      throw new FlowInvocationError(
        `${request.description}: the flow completed with reason '${state.completionReason}' after ${received}; ` +
        'expected SUCCESS or INPUT_REQUIRED. Check the flow\'s trace (enableTrace) and the logs of its nodes.',
        details);
    }
    return {
      executionId: state.executionId,
      completionReason: state.completionReason,
      outputs: state.outputs,
      outputsByNode: groupByNode(state.outputs),
      ...(state.inputRequest ? { inputRequest: state.inputRequest } : {}),
      traces: state.traces,
      attempts,
    };
  }

  private wrap(error: unknown, request: InvokeRequest, state: AttemptState, attempts: number, throttledAfterOutput: boolean) {
    if (error instanceof FlowInvocationError) {
      return error;
    }
    const err = asRecord(error);
    const exceptionName = typeof err.name === 'string' && err.name !== 'Error' ? err.name : undefined;
    const resourceName = typeof err.resourceName === 'string' ? err.resourceName : undefined;
    const reason = typeof err.reason === 'string' ? err.reason : undefined;
    const message = typeof err.message === 'string' && err.message ? err.message : String(error);

    const facts = [
      resourceName ? `resourceName: ${resourceName}` : undefined,
      reason ? `reason: ${reason}` : undefined,
    ].filter(Boolean).join(', ');
    const what = exceptionName ? `${exceptionName}${facts ? ` (${facts})` : ''}` : `error${facts ? ` (${facts})` : ''}`;
    let hint = (exceptionName && EXCEPTION_HINTS[exceptionName]) || 'check the error cause';
    if (isThrottling(error)) {
      hint = throttledAfterOutput
        ? 'the flow was throttled after it had already produced output, so it was not run again; ' + hint
        : `throttled on all ${attempts} attempt(s); ${hint}`;
    }
    const progress = state.outputs.length > 0 ? ` after ${state.outputs.length} output event(s)${outputNodeList(state.outputs)}` : '';
    return new FlowInvocationError(`${request.description} failed with ${what}${progress}: ${message}. What to check: ${hint}.`, {
      completionReason: state.completionReason,
      executionId: state.executionId,
      outputs: state.outputs,
      exceptionName,
      resourceName,
      reason,
      attempts,
      cause: error,
    });
  }

  /** Full jitter: a random wait between 0 and min(maxDelay, base × 2^(attempt−1)). */
  private backoff(attempt: number): number {
    const ceiling = Math.min(this.maxDelayMs, this.baseDelayMs * 2 ** (attempt - 1));
    return Math.floor(this.random() * ceiling);
  }
}

/** Records one stream event in `state`; throws in-stream exceptions that the SDK yielded as events. */
function collect(event: FlowResponseStream, state: AttemptState, enableTrace: boolean): void {
  const e = event as Record<string, any>;
  if (e.flowOutputEvent) {
    const output = e.flowOutputEvent;
    state.outputs.push({
      nodeName: typeof output.nodeName === 'string' ? output.nodeName : '',
      ...(output.nodeType !== undefined ? { nodeType: String(output.nodeType) } : {}),
      document: output.content?.document,
    });
  } else if (e.flowCompletionEvent) {
    state.completionReason = e.flowCompletionEvent.completionReason;
  } else if (e.flowMultiTurnInputRequestEvent) {
    const request = e.flowMultiTurnInputRequestEvent;
    state.inputRequest = {
      nodeName: typeof request.nodeName === 'string' ? request.nodeName : '',
      ...(request.nodeType !== undefined ? { nodeType: String(request.nodeType) } : {}),
      document: request.content?.document,
    };
  } else if (e.flowTraceEvent) {
    if (enableTrace) {
      state.traces.push(e.flowTraceEvent.trace);
    }
  } else {
    // The SDK throws modelled exceptions while iterating; a stream that yields them as members
    // (older SDKs, hand-written streams) is treated the same way.
    for (const member of STREAM_EXCEPTION_MEMBERS) {
      if (e[member]) {
        throw toException(member, e[member]);
      }
    }
    // `$unknown` and future event types are ignored, as the SDK does.
  }
}

/** Turns an exception member yielded as an event into an Error named like the SDK's exception class. */
function toException(member: string, payload: unknown): Error {
  if (payload instanceof Error) {
    return payload;
  }
  const fields = asRecord(payload);
  const error = new Error(typeof fields.message === 'string' ? fields.message : member);
  Object.assign(error, fields);
  error.name = member.charAt(0).toUpperCase() + member.slice(1);
  return error;
}

/** True for a `ThrottlingException`, from `send` or from the stream. */
function isThrottling(error: unknown): boolean {
  const err = asRecord(error);
  return err.name === 'ThrottlingException' || asRecord(err.$metadata).httpStatusCode === 429;
}

function asRecord(value: unknown): Record<string, any> {
  return value !== null && typeof value === 'object' ? value as Record<string, any> : {};
}

function groupByNode(outputs: readonly FlowOutputRecord[]): Record<string, unknown[]> {
  const groups: Record<string, unknown[]> = {};
  for (const output of outputs) {
    // own-property check: a node may be called `constructor` or `toString`
    if (!Object.prototype.hasOwnProperty.call(groups, output.nodeName)) {
      groups[output.nodeName] = [];
    }
    groups[output.nodeName].push(output.document);
  }
  return groups;
}

function outputNodeList(outputs: readonly FlowOutputRecord[]): string {
  const names = [...new Set(outputs.map(o => o.nodeName))];
  return names.length > 0 ? ` (from ${names.map(n => `'${n}'`).join(', ')})` : '';
}
