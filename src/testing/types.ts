/*
 * The public types of the flow simulator: what handlers receive and return, and the events and
 * results of a simulated invocation, shaped like InvokeFlow's response stream
 * (`@aws-sdk/client-bedrock-agent-runtime` `FlowResponseStream`) without depending on the SDK.
 */
import type { FlowNodeJson } from '../definition/schema';

/******************************************************************************
 *                              EVENTS (InvokeFlow shape)
 *****************************************************************************/

/** Why a simulated invocation stopped, as in `flowCompletionEvent.completionReason`. */
export type FlowSimulationCompletionReason = 'SUCCESS' | 'INPUT_REQUIRED';

/** A document, as in `content: { document }` of the InvokeFlow events. */
export interface FlowDocumentContent {
  /** The JSON value. */
  readonly document: unknown;
}

/** `flowOutputEvent`: the document an Output node produced. */
export interface FlowOutputEvent {
  /** The name of the Output node. */
  readonly nodeName: string;
  /** `FlowOutputNode`. An open string, as the service's value is not reliable (flows-spec §0 "Surprises"). */
  readonly nodeType?: string;
  /** The output document. */
  readonly content: FlowDocumentContent;
}

/** `flowMultiTurnInputRequestEvent`: a node (an Agent node) asks for more input. */
export interface FlowMultiTurnInputRequestEvent {
  /** The node that asks; pass it as `nodeName` to `FlowSimulator.continue()`. */
  readonly nodeName: string;
  /** `AgentNode`. */
  readonly nodeType?: string;
  /** What the node asks (the agent's question). */
  readonly content: FlowDocumentContent;
}

/** `flowCompletionEvent`. */
export interface FlowCompletionEvent {
  /** `SUCCESS`, or `INPUT_REQUIRED` when a node waits for input. */
  readonly completionReason: FlowSimulationCompletionReason;
}

/** One entry of a trace's `executionChain`: the Iterator item or Loop iteration a node ran in. */
export interface FlowExecutionChainItem {
  /** The Iterator or Loop node. */
  readonly nodeName: string;
  /** The item index (Iterator) or the iteration index, from 0 (Loop). */
  readonly index: number;
  /** `Iterator` or `Loop`. */
  readonly type: 'Iterator' | 'Loop';
}

/** One input of a `nodeInputTrace`. */
export interface FlowTraceNodeInputField {
  /** The input's name. */
  readonly nodeInputName: string;
  /** The input's value, after its expression was applied. */
  readonly content: FlowDocumentContent;
  /** Where the value came from. */
  readonly source?: {
    /** The source node. */
    readonly nodeName: string;
    /** The source node's output. */
    readonly outputFieldName: string;
    /** The input expression applied to the output's value. */
    readonly expression: string;
  };
  /** The input's declared type. */
  readonly type?: string;
  /** The input's category (LoopController inputs). */
  readonly category?: string;
  /** The Iterator items and Loop iterations the node ran in, outermost first; absent at the top level. */
  readonly executionChain?: FlowExecutionChainItem[];
}

/** `nodeInputTrace`: the inputs a node ran with. */
export interface FlowTraceNodeInputEvent {
  /** The node. */
  readonly nodeName: string;
  /** When (the simulator's clock). */
  readonly timestamp: Date;
  /** The inputs. */
  readonly fields: FlowTraceNodeInputField[];
}

/** One output of a `nodeOutputTrace`. */
export interface FlowTraceNodeOutputField {
  /** The output's name. */
  readonly nodeOutputName: string;
  /** The output's value. */
  readonly content: FlowDocumentContent;
  /** The inputs the value is delivered to. */
  readonly next: { readonly nodeName: string; readonly inputFieldName: string }[];
  /** The output's declared type. */
  readonly type?: string;
}

/** `nodeOutputTrace`: the outputs a node produced. */
export interface FlowTraceNodeOutputEvent {
  /** The node. */
  readonly nodeName: string;
  /** When (the simulator's clock). */
  readonly timestamp: Date;
  /** The outputs. */
  readonly fields: FlowTraceNodeOutputField[];
}

/** `conditionNodeResultTrace`: the branch a Condition node took. */
export interface FlowTraceConditionNodeResultEvent {
  /** The Condition node. */
  readonly nodeName: string;
  /** When (the simulator's clock). */
  readonly timestamp: Date;
  /**
   * The condition whose branch was taken: the first satisfied condition in order, or `default`.
   * (The simulator lists only the winning condition, the one that activates nodes.)
   */
  readonly satisfiedConditions: { readonly conditionName: string }[];
}

/**
 * `nodeActionTrace`: a call a Prompt, Agent or LambdaFunction node made (to its handler, here).
 * The service and operation names are the simulator's; the service's may differ.
 */
export interface FlowTraceNodeActionEvent {
  /** The node. */
  readonly nodeName: string;
  /** When (the simulator's clock). */
  readonly timestamp: Date;
  /** A request id, unique within the simulator. */
  readonly requestId: string;
  /** `bedrock-runtime`, `bedrock-agent-runtime` or `lambda`. */
  readonly serviceName: string;
  /** `InvokeModel`, `InvokeAgent` or `Invoke`. */
  readonly operationName: string;
  /** What the node sent (for a Lambda node: the event). */
  readonly operationRequest?: unknown;
  /** What the handler returned. */
  readonly operationResponse?: unknown;
}

/** The `trace` of a `flowTraceEvent`: exactly one member is set. */
export type FlowTrace =
  | { readonly nodeInputTrace: FlowTraceNodeInputEvent }
  | { readonly nodeOutputTrace: FlowTraceNodeOutputEvent }
  | { readonly conditionNodeResultTrace: FlowTraceConditionNodeResultEvent }
  | { readonly nodeActionTrace: FlowTraceNodeActionEvent };

/** One event of a simulated invocation, as a member of InvokeFlow's `FlowResponseStream`. */
export type FlowSimulationEvent =
  | { readonly flowTraceEvent: { readonly trace: FlowTrace } }
  | { readonly flowOutputEvent: FlowOutputEvent }
  | { readonly flowMultiTurnInputRequestEvent: FlowMultiTurnInputRequestEvent }
  | { readonly flowCompletionEvent: FlowCompletionEvent };

/** The result of one simulated invocation (`run()` or `continue()`): what its event stream held. */
export interface FlowSimulationResult {
  /** The execution id; pass it to `continue()` to answer an input request. */
  readonly executionId: string;
  /** `SUCCESS`, or `INPUT_REQUIRED` when a node waits for input (see `inputRequest`). */
  readonly completionReason: FlowSimulationCompletionReason;
  /** Every `flowOutputEvent`, in order. */
  readonly outputs: FlowOutputEvent[];
  /** The output documents by Output node name, each list in order. */
  readonly outputsByNode: { readonly [nodeName: string]: unknown[] };
  /** The input request, when `completionReason` is `INPUT_REQUIRED`. */
  readonly inputRequest?: FlowMultiTurnInputRequestEvent;
  /** The `trace` of every `flowTraceEvent`, in order; empty when tracing is off. */
  readonly traces: FlowTrace[];
  /** Every event, in stream order, ending with the `flowCompletionEvent`. */
  readonly events: FlowSimulationEvent[];
  /**
   * How many times each node ran in this invocation (once per Iterator item or Loop iteration).
   * A node that did not run is absent.
   */
  readonly nodeRuns: { readonly [nodeName: string]: number };
}

/******************************************************************************
 *                              HANDLER REQUESTS
 *****************************************************************************/

/** What every handler is told about the node it runs for. */
export interface FlowNodeRequest {
  /** The node's name. */
  readonly nodeName: string;
  /** The node's type (`Prompt`, `LambdaFunction`, ...). */
  readonly nodeType: string;
  /** The node's input values by input name, after input expressions and type checks. */
  readonly inputs: { readonly [inputName: string]: unknown };
  /** The node's definition (JSON). */
  readonly node: FlowNodeJson;
  /** The simulated execution. */
  readonly executionId: string;
  /** The Iterator items and Loop iterations the node runs in, outermost first (empty at the top level). */
  readonly executionChain: FlowExecutionChainItem[];
}

/** What a Prompt handler receives. It returns the model's completion (`modelCompletion`). */
export interface PromptRequest extends FlowNodeRequest {
  /**
   * The text sent to the model: an inline TEXT template with each `{{variable}}` replaced by the
   * input of that name (strings as they are, other values as JSON).
   * Undefined for a managed prompt (`promptArn`) and for a CHAT template (`messages`).
   */
  readonly prompt?: string;
  /** The inline prompt's model id (undefined for a managed prompt). */
  readonly modelId?: string;
  /** The managed prompt's ARN (undefined for an inline prompt); its variables are in `inputs`. */
  readonly promptArn?: string;
  /** A CHAT template's messages, with their text rendered like `prompt`. */
  readonly messages?: unknown[];
  /** A CHAT template's system blocks, with their text rendered like `prompt`. */
  readonly system?: unknown[];
  /** The inline prompt's `inferenceConfiguration`. */
  readonly inferenceConfiguration?: unknown;
  /** The node's `guardrailConfiguration`. */
  readonly guardrailConfiguration?: unknown;
}

/**
 * What a KnowledgeBase handler receives. It returns the value of the node's output:
 * `retrievalResults` (an array, without `modelId`) or `outputText` (a string, with `modelId`).
 */
export interface KnowledgeBaseRequest extends FlowNodeRequest {
  /** The knowledge base id. */
  readonly knowledgeBaseId: string;
  /** The model that generates `outputText` (RetrieveAndGenerate); undefined for Retrieve. */
  readonly modelId?: string;
  /** The query (input `retrievalQuery`). */
  readonly retrievalQuery: unknown;
  /** How many results to retrieve, if configured. */
  readonly numberOfResults?: number;
  /** The output the handler's value becomes: `retrievalResults` or `outputText`. */
  readonly outputName: string;
  /** The node's whole `knowledgeBase` configuration. */
  readonly configuration: { readonly [key: string]: any };
}

/**
 * What an Agent handler receives. It returns the agent's response (`agentResponse`), or
 * `requestInput(question)` to ask the user for more input (multi-turn): the simulation then stops
 * with `INPUT_REQUIRED`, and `FlowSimulator.continue()` calls the handler again with the answer.
 */
export interface AgentRequest extends FlowNodeRequest {
  /** The agent alias ARN. */
  readonly agentAliasArn: string;
  /** The text for the agent: the input `agentInputText` on the first turn, the user's answer on later turns. */
  readonly agentInputText: unknown;
  /** The input `promptAttributes`, if the node has it. */
  readonly promptAttributes?: unknown;
  /** The input `sessionAttributes`, if the node has it. */
  readonly sessionAttributes?: unknown;
  /** 1 on the first call, then 2, 3, ... for each answer to an input request. */
  readonly turn: number;
  /** The same for every turn of this node in this execution (and Iterator item or Loop iteration). */
  readonly sessionId: string;
}

/**
 * The event a LambdaFunction node sends to its function, exactly as Bedrock sends it. Whatever the
 * handler returns becomes `functionResponse`.
 */
export interface LambdaFunctionEvent {
  /** Always `1.0`. */
  readonly messageVersion: '1.0';
  /** The flow and the alias it was invoked through. */
  readonly flow: {
    readonly flowArn: string;
    readonly flowAliasArn: string;
  };
  /** The node and its inputs, in declaration order. */
  readonly node: {
    readonly name: string;
    readonly inputs: { readonly name: string; readonly type: string; readonly expression: string; readonly value: unknown }[];
  };
}

/** The second argument of a LambdaFunction handler: what the event does not carry. */
export interface LambdaFunctionRequest extends FlowNodeRequest {
  /** The function's ARN from the node's configuration (as it is in the definition). */
  readonly lambdaArn: unknown;
}

/** What a Lex handler receives. It returns the predicted intent (`predictedIntent`). */
export interface LexRequest extends FlowNodeRequest {
  /** The bot alias ARN. */
  readonly botAliasArn: string;
  /** The locale. */
  readonly localeId: string;
  /** The utterance (input `inputText`). */
  readonly inputText: unknown;
  /** The input `requestAttributes`, if the node has it. */
  readonly requestAttributes?: unknown;
  /** The input `sessionAttributes`, if the node has it. */
  readonly sessionAttributes?: unknown;
}

/**
 * What a Storage handler receives. It returns the `s3Uri`. Without a handler, Storage nodes write
 * to the simulator's in-memory S3 (`FlowSimulator.s3`).
 */
export interface StorageRequest extends FlowNodeRequest {
  /** The bucket (a CloudFormation `Ref` is given as its logical id). */
  readonly bucketName: string;
  /** The object key (input `objectKey`). */
  readonly objectKey: string;
  /** The content (input `content`). */
  readonly content: unknown;
}

/**
 * What a Retrieval handler receives. It returns the object's text (`s3Content`). Without a handler,
 * Retrieval nodes read the simulator's in-memory S3 (`FlowSimulator.s3`).
 */
export interface RetrievalRequest extends FlowNodeRequest {
  /** The bucket (a CloudFormation `Ref` is given as its logical id). */
  readonly bucketName: string;
  /** The object key (input `objectKey`). */
  readonly objectKey: string;
}

/**
 * What an InlineCode handler receives: the simulator does not run Python, so the test supplies the
 * code's behaviour. The inputs (the code's variables) are in `inputs`; the handler returns `response`.
 */
export interface InlineCodeRequest extends FlowNodeRequest {
  /** The code. */
  readonly code: string;
  /** The language (`Python_3`). */
  readonly language: string;
}

/******************************************************************************
 *                              HANDLERS
 *****************************************************************************/

/** A value, or a promise of it: handlers may be synchronous or asynchronous. */
export type MaybePromise<T> = T | Promise<T>;

/** Returned by an Agent handler to ask for more input; create it with `requestInput()`. */
export interface AgentInputRequest {
  /** What the agent asks: the `content.document` of the input request event. */
  readonly inputRequired: unknown;
}

/** Runs Prompt nodes; returns the completion. */
export type PromptHandler = (request: PromptRequest) => MaybePromise<unknown>;
/** Runs KnowledgeBase nodes; returns the retrieval results (array) or the generated text. */
export type KnowledgeBaseHandler = (request: KnowledgeBaseRequest) => MaybePromise<unknown>;
/** Runs Agent nodes; returns the response, or `requestInput(question)`. */
export type AgentHandler = (request: AgentRequest) => MaybePromise<unknown>;
/** Runs LambdaFunction nodes: receives the event Bedrock sends; returns the function's response. */
export type LambdaFunctionHandler = (event: LambdaFunctionEvent, request: LambdaFunctionRequest) => MaybePromise<unknown>;
/** Runs Lex nodes; returns the predicted intent. */
export type LexHandler = (request: LexRequest) => MaybePromise<unknown>;
/** Runs Storage nodes; returns the `s3Uri`. */
export type StorageHandler = (request: StorageRequest) => MaybePromise<unknown>;
/** Runs Retrieval nodes; returns the object's text. */
export type RetrievalHandler = (request: RetrievalRequest) => MaybePromise<unknown>;
/** Runs InlineCode nodes; returns the code's `response`. */
export type InlineCodeHandler = (request: InlineCodeRequest) => MaybePromise<unknown>;

/** Handlers by node type: each runs every node of its type that has no handler by name. */
export interface FlowSimulatorHandlers {
  readonly Prompt?: PromptHandler;
  readonly KnowledgeBase?: KnowledgeBaseHandler;
  readonly Agent?: AgentHandler;
  readonly LambdaFunction?: LambdaFunctionHandler;
  readonly Lex?: LexHandler;
  /** @default - write to the in-memory S3 */
  readonly Storage?: StorageHandler;
  /** @default - read from the in-memory S3 */
  readonly Retrieval?: RetrievalHandler;
  readonly InlineCode?: InlineCodeHandler;
}

/**
 * A handler for one node, by name. It is called exactly like the handler of the node's type
 * (for a LambdaFunction node `(event, request)`, otherwise `(request)`); annotate the parameter
 * (`(request: PromptRequest) => ...`) for type checking.
 */
export type FlowNodeHandler = (request: any, extra?: any) => MaybePromise<unknown>;

/** The node types whose work a handler does. */
export const HANDLED_NODE_TYPES: readonly string[] = [
  'Prompt', 'KnowledgeBase', 'Agent', 'LambdaFunction', 'Lex', 'Storage', 'Retrieval', 'InlineCode',
];
