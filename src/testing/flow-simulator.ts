import { Stack } from 'aws-cdk-lib';
import { FlowSimulationError } from './errors';
import { InMemoryS3 } from './in-memory-s3';
import { CompiledScope } from './private/compile';
import { EngineOptions, Execution } from './private/engine';
import { matchesType, describeValue } from './private/values';
import {
  AgentInputRequest, FlowNodeHandler, FlowSimulationResult, FlowSimulatorHandlers, HANDLED_NODE_TYPES,
} from './types';
import { FlowDefinition } from '../definition/flow-definition';
import { FlowDefinitionJson } from '../definition/schema';
import { FlowValidationResult, FlowValidationSeverity } from '../validation/types';
import { validateFlowDefinition } from '../validation/validate';

/******************************************************************************
 *                              OPTIONS
 *****************************************************************************/

/** Options of a {@link FlowSimulator}. */
export interface FlowSimulatorOptions {
  /**
   * Handlers by node type: `{ Prompt: request => 'completion', LambdaFunction: event => ({ ... }) }`.
   * A node without a handler fails the run when it is reached (Storage and Retrieval nodes use the
   * in-memory S3 instead).
   * @default - no handlers
   */
  readonly handlers?: FlowSimulatorHandlers;

  /**
   * Handlers by node name; they win over `handlers` by type. Each is called like the handler of the
   * node's type. Names must be nodes of the definition (loop bodies included) whose type takes a handler.
   * @default - no handlers by name
   */
  readonly nodeHandlers?: { readonly [nodeName: string]: FlowNodeHandler };

  /**
   * The S3 that Storage and Retrieval nodes without handlers write and read.
   * @default - a new, empty `InMemoryS3` (see `FlowSimulator.s3`)
   */
  readonly s3?: InMemoryS3;

  /**
   * The flow ARN in the events Lambda nodes receive.
   * @default 'arn:aws:bedrock:us-east-1:123456789012:flow/SIMULATED1'
   */
  readonly flowArn?: string;

  /**
   * The flow alias ARN in the events Lambda nodes receive.
   * @default - `${flowArn}/alias/TSTALIASID`
   */
  readonly flowAliasArn?: string;

  /**
   * Record trace events (`nodeInputTrace`, `nodeOutputTrace`, `conditionNodeResultTrace`, `nodeActionTrace`).
   * @default true
   */
  readonly enableTrace?: boolean;

  /**
   * Check the definition with `validateFlowDefinition` first and refuse to run it when there are
   * errors (warnings are allowed, see `FlowSimulator.warnings`).
   * @default true
   */
  readonly validate?: boolean;

  /**
   * The clock of trace timestamps.
   * @default - a simulated clock: 2025-01-01T00:00:00Z, plus 1 ms per trace event of the execution
   */
  readonly clock?: () => Date;
}

/** The answer to an input request, as `InvokeFlow` takes it: the same execution id, and the asking node. */
export interface FlowSimulationContinueInput {
  /** The `executionId` of the result that asked for input. */
  readonly executionId: string;
  /** The node that asked (`inputRequest.nodeName`). */
  readonly nodeName: string;
  /**
   * The node input the answer is for.
   * @default 'agentInputText'
   */
  readonly nodeInputName?: string;
  /** The answer. */
  readonly document: unknown;
}

/** The default flow ARN of the Lambda event. */
export const SIMULATED_FLOW_ARN = 'arn:aws:bedrock:us-east-1:123456789012:flow/SIMULATED1';

/******************************************************************************
 *                              SIMULATOR
 *****************************************************************************/

/**
 * Runs a flow definition offline, for unit tests: the same input expressions, type checks,
 * condition expressions, branching, Iterator/Collector and Loop semantics as Bedrock Flows
 * (flows-spec §1.3–1.8), with the work of model, knowledge base, agent, Lambda, Lex and inline-code
 * nodes done by handlers the test supplies, and S3 in memory. Results are shaped like InvokeFlow's
 * event stream.
 *
 * ```ts
 * const simulator = new FlowSimulator(definitionJson, {
 *   handlers: { Prompt: ({ prompt }) => prompt!.includes('bonjour') ? 'fr' : 'en' },
 *   nodeHandlers: { Enrich: (event: LambdaFunctionEvent) => ({ ok: true }) },
 * });
 * const result = await simulator.run({ text: 'bonjour' });
 * expect(result.outputsByNode.French).toEqual(['...']);
 * ```
 */
export class FlowSimulator {
  /** The definition being simulated (plain JSON). */
  public readonly definition: FlowDefinitionJson;
  /** The in-memory S3 of Storage and Retrieval nodes: seed it before a run, inspect it after. */
  public readonly s3: InMemoryS3;
  /** The validation warnings of the definition (errors refuse the run). */
  public readonly warnings: FlowValidationResult[];

  private readonly scope: CompiledScope;
  private readonly engineOptions: EngineOptions;
  private readonly executions = new Map<string, Execution>();
  private executionCount = 0;

  /**
   * @param definition the plain JSON definition (API shape: built and resolved, imported, or exported
   * from the console, also wrapped as `{ definition }`), or a `FlowDefinition` (a built definition is
   * resolved through its stack)
   * @throws FlowSimulationError when the definition has validation errors, or a handler names no node
   */
  constructor(definition: FlowDefinitionJson | FlowDefinition | { readonly definition: FlowDefinitionJson }, options: FlowSimulatorOptions = {}) {
    this.definition = plainDefinition(definition);
    const findings = options.validate === false ? [] : validateFlowDefinition(maskIntrinsics(this.definition) as FlowDefinitionJson);
    const errors = findings.filter(f => f.severity === FlowValidationSeverity.ERROR);
    if (errors.length > 0) {
      throw new FlowSimulationError(`the flow definition has ${errors.length} validation error${errors.length > 1 ? 's' : ''}, so the simulator `
        + 'will not run it (Bedrock would reject it too):\n'
        + errors.map(e => `  - ${e.loopNode ? `[in Loop '${e.loopNode}'] ` : ''}${e.type}: ${e.message}`).join('\n')
        + '\nFix the definition, or pass `validate: false` to simulate it anyway.');
    }
    this.warnings = findings.filter(f => f.severity !== FlowValidationSeverity.ERROR);
    this.scope = new CompiledScope(this.definition);
    this.s3 = options.s3 ?? new InMemoryS3();
    const nodeHandlers = options.nodeHandlers ?? {};
    checkNodeHandlers(this.scope, nodeHandlers);
    const flowArn = options.flowArn ?? SIMULATED_FLOW_ARN;
    this.engineOptions = {
      handlers: options.handlers ?? {},
      nodeHandlers,
      s3: this.s3,
      flowArn,
      flowAliasArn: options.flowAliasArn ?? `${flowArn}/alias/TSTALIASID`,
      enableTrace: options.enableTrace ?? true,
      clock: options.clock,
    };
  }

  /**
   * Runs the flow for one input document (InvokeFlow with `inputs: [{ nodeName: <Input node>,
   * nodeOutputName: 'document', content: { document } }]`).
   *
   * Resolves when the flow completes (`SUCCESS`) or a node asks for input (`INPUT_REQUIRED`; answer
   * with `continue()`). Rejects with a `FlowSimulationError` when a node fails: a value of the wrong
   * type, an expression that selects nothing, a missing handler, a handler that throws, ...
   */
  public run(document: unknown): Promise<FlowSimulationResult> {
    const execution = new Execution(`sim-execution-${++this.executionCount}`, this.scope, this.engineOptions);
    return this.track(execution, execution.start(document));
  }

  /**
   * Answers an input request (multi-turn) and runs on, like InvokeFlow with the same `executionId`
   * and `inputs: [{ nodeName, nodeInputName: 'agentInputText', content: { document } }]`. The result
   * holds the events from here on.
   */
  public continue(input: FlowSimulationContinueInput): Promise<FlowSimulationResult> {
    const execution = this.executions.get(input.executionId);
    const waiting = execution?.waitingFor;
    if (!execution || !waiting) {
      return Promise.reject(new FlowSimulationError(`execution '${input.executionId}' is not waiting for input `
        + `(${execution ? 'it is still running' : 'no such execution, or it has finished'}); continue() answers a result whose `
        + "completionReason is 'INPUT_REQUIRED', with its executionId"));
    }
    if (input.nodeName !== waiting.nodeName) {
      return Promise.reject(new FlowSimulationError(`execution '${input.executionId}' waits for input at node '${waiting.nodeName}', `
        + `not '${input.nodeName}'`, { nodeName: input.nodeName }));
    }
    const inputName = input.nodeInputName ?? 'agentInputText';
    if (inputName !== 'agentInputText') {
      return Promise.reject(new FlowSimulationError(`node '${waiting.nodeName}' takes its answer in input 'agentInputText', not '${inputName}'`,
        { nodeName: waiting.nodeName }));
    }
    if (!matchesType(input.document, waiting.expectedType)) {
      return Promise.reject(new FlowSimulationError(`the answer for node '${waiting.nodeName}' must be a ${waiting.expectedType} `
        + `(the type of its input 'agentInputText'), got ${describeValue(input.document)}`, { nodeName: waiting.nodeName }));
    }
    return this.track(execution, execution.resume(input.document));
  }

  private track(execution: Execution, result: Promise<FlowSimulationResult>): Promise<FlowSimulationResult> {
    this.executions.set(execution.id, execution);
    const forget = () => {
      if (execution.isDone) this.executions.delete(execution.id);
    };
    result.then(forget, forget);
    return result;
  }
}

/**
 * What an Agent handler returns to ask the user for more input: the simulation stops with
 * `INPUT_REQUIRED` and a `flowMultiTurnInputRequestEvent` whose document is `question`.
 */
export function requestInput(question: unknown): AgentInputRequest {
  return { inputRequired: question };
}

function plainDefinition(definition: FlowDefinitionJson | FlowDefinition | { readonly definition: FlowDefinitionJson }): FlowDefinitionJson {
  if (definition instanceof FlowDefinition) {
    const json = definition.toJson();
    const nodes = definition._nodes();
    return nodes.length > 0 ? Stack.of(nodes[0]).resolve(json) : json;
  }
  if (definition === null || typeof definition !== 'object' || Array.isArray(definition)) {
    throw new FlowSimulationError('the definition must be a JSON object with \'nodes\' and \'connections\' (or a FlowDefinition)');
  }
  // an exported flow (GetFlow / console export) wraps the definition
  const wrapped = (definition as { definition?: FlowDefinitionJson }).definition;
  return !('nodes' in definition) && wrapped && typeof wrapped === 'object' ? wrapped : definition as FlowDefinitionJson;
}

/**
 * The definition with CloudFormation intrinsics (`{ Ref }`, `{ 'Fn::GetAtt' }`, ... as `Stack.resolve`
 * leaves ARNs and names of resources in the stack) replaced by token-like strings, which validation
 * treats as unknown at synth time, as it does for the unresolved definition.
 */
function maskIntrinsics(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(maskIntrinsics);
  if (value === null || typeof value !== 'object') return value;
  const keys = Object.keys(value);
  if (keys.length === 1 && (keys[0] === 'Ref' || keys[0].startsWith('Fn::'))) return `\${Token[${keys[0]}]}`;
  const out: Record<string, unknown> = {};
  for (const key of keys) out[key] = maskIntrinsics((value as Record<string, unknown>)[key]);
  return out;
}

function checkNodeHandlers(scope: CompiledScope, nodeHandlers: { readonly [nodeName: string]: FlowNodeHandler }): void {
  const types = new Map<string, string>();
  const visit = (s: CompiledScope) => {
    for (const node of s.nodes) {
      types.set(node.name, node.type);
      if (node.body) visit(node.body);
    }
  };
  visit(scope);
  for (const [name, handler] of Object.entries(nodeHandlers)) {
    const type = types.get(name);
    if (type === undefined) {
      throw new FlowSimulationError(`nodeHandlers has a handler for '${name}', which is not a node of the flow `
        + `(nodes: ${[...types.keys()].join(', ')})`);
    }
    if (!HANDLED_NODE_TYPES.includes(type)) {
      throw new FlowSimulationError(`nodeHandlers has a handler for ${type} node '${name}', which the simulator runs itself; `
        + `handlers are for ${HANDLED_NODE_TYPES.join(', ')} nodes`, { nodeName: name, nodeType: type });
    }
    if (typeof handler !== 'function') {
      throw new FlowSimulationError(`nodeHandlers['${name}'] must be a function`, { nodeName: name, nodeType: type });
    }
  }
}
