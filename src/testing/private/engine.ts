/*
 * The simulation engine. A data-flow interpreter over a compiled scope:
 *
 * - A node's output values are delivered to the inputs connected to them; a node becomes ready
 *   when every input has a value and, if it is the target of conditional connections, one of them
 *   activated it. Ready nodes run one at a time, in FIFO order, so runs are deterministic.
 * - Values live in an execution context: the top level, an Iterator item, or a Loop iteration.
 *   A node runs in the deepest context of its inputs; a value from an enclosing context is seen by
 *   every context inside it (so a node fed by an Iterator item and by the flow input runs once per item).
 * - An Iterator processes its items one at a time: each item's downstream work finishes before the
 *   next item starts. A Collector gathers `arrayItem` by item index until it has `arraySize` items,
 *   then emits `collectedArray` in the Iterator's context.
 * - A Loop runs its body scope once per iteration (see `runLoop` for the condition's polarity).
 * - An Agent handler that asks for input suspends the execution at that node (a promise the
 *   simulator resolves on `continue()`), so every enclosing Iterator or Loop resumes where it was.
 *   The other ready nodes of its scope run first, so the invocation stops only when nothing else can
 *   run; a second Agent that asks meanwhile is answered first (one input request per invocation).
 */
import { CompiledCondition, CompiledNode, CompiledScope, CompiledTarget, TemplatePart, splitTemplate } from './compile';
import { bucketNameOf, describeValue, isRecord, matchesType, templateText } from './values';
import { evaluateConditionExpression } from '../../definition/expressions/condition-expression';
import { evaluateInputExpression } from '../../definition/expressions/input-expression';
import { FlowSimulationError } from '../errors';
import { InMemoryS3 } from '../in-memory-s3';
import {
  FlowExecutionChainItem, FlowMultiTurnInputRequestEvent, FlowNodeHandler, FlowNodeRequest, FlowOutputEvent, FlowSimulationCompletionReason,
  FlowSimulationEvent, FlowSimulationResult, FlowSimulatorHandlers, FlowTrace, FlowTraceNodeInputField, FlowTraceNodeOutputField,
  HANDLED_NODE_TYPES, LambdaFunctionEvent,
} from '../types';

/** What the engine needs from the simulator's options. */
export interface EngineOptions {
  readonly handlers: FlowSimulatorHandlers;
  readonly nodeHandlers: { readonly [nodeName: string]: FlowNodeHandler };
  readonly s3: InMemoryS3;
  readonly flowArn: string;
  readonly flowAliasArn: string;
  readonly enableTrace: boolean;
  readonly clock?: () => Date;
}

/** The default number of iterations of a Loop (LoopController `maxIterations`). */
export const DEFAULT_MAX_ITERATIONS = 10;

/** The simulated clock starts here and ticks 1 ms per trace event, so traces are deterministic. */
const EPOCH = Date.UTC(2025, 0, 1);

/** An execution context: the top level, an Iterator item, or a Loop iteration. */
interface Ctx {
  readonly parent?: Ctx;
  readonly depth: number;
  readonly chain: FlowExecutionChainItem[];
  /** Iterator items: the Iterator run the item belongs to. */
  readonly frame?: IterationFrame;
}

/** One run of an Iterator over its array, shared by the contexts of its items. */
interface IterationFrame {
  readonly iterator: CompiledNode;
  /** Collectors still gathering items of this run. */
  readonly collectors: Map<string, { readonly size: number; readonly items: unknown[]; count: number }>;
  /** Collectors that have emitted for this run. */
  readonly completed: Set<string>;
}

/** A value delivered to a node input, before the input's expression is applied. */
interface Arrival {
  readonly value: unknown;
  readonly source: string;
  readonly output: string;
}

/** What a node has received in one context. */
interface NodeState {
  readonly values: (Arrival | undefined)[];
  activated: boolean;
}

/** A ready node. */
interface Job {
  readonly node: CompiledNode;
  readonly ctx: Ctx;
  readonly arrivals: Arrival[];
}

/** A node waiting for input (multi-turn). */
interface Waiting {
  readonly nodeName: string;
  readonly expectedType: string;
  readonly resolve: (document: unknown) => void;
}

interface Deferred<T> {
  readonly promise: Promise<T>;
  readonly resolve: (value: T) => void;
  readonly reject: (error: unknown) => void;
}

function deferred<T>(): Deferred<T> {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

/**
 * One flow execution: from `start()` until it completes, possibly stopping at input requests in
 * between (each `start()`/`resume()` returns the result of that stretch, like one InvokeFlow call).
 */
export class Execution {
  private events: FlowSimulationEvent[] = [];
  private nodeRuns: Record<string, number> = {};
  private waiting?: Waiting;
  private stop: Deferred<FlowSimulationResult> = deferred();
  private done = false;
  private tick = 0;
  private requests = 0;

  constructor(
    public readonly id: string,
    private readonly scope: CompiledScope,
    public readonly options: EngineOptions,
  ) {}

  /** Whether the execution has completed or failed. */
  public get isDone(): boolean {
    return this.done;
  }

  /** The node waiting for input, if any. */
  public get waitingFor(): { readonly nodeName: string; readonly expectedType: string } | undefined {
    return this.waiting;
  }

  /** Runs the flow with an input document until it completes or a node asks for input. */
  public start(document: unknown): Promise<FlowSimulationResult> {
    this.main(document).then(() => this.settle('SUCCESS'), error => this.fail(error));
    return this.stop.promise;
  }

  /** Answers the pending input request and runs on until the flow completes or asks again. */
  public resume(document: unknown): Promise<FlowSimulationResult> {
    const waiting = this.waiting!;
    this.waiting = undefined;
    this.events = [];
    this.nodeRuns = {};
    this.stop = deferred();
    waiting.resolve(document);
    return this.stop.promise;
  }

  /** Stops the current stretch with `INPUT_REQUIRED`; resolves with the answer given to `resume()`. */
  public suspend(node: CompiledNode, question: unknown, expectedType: string): Promise<unknown> {
    return new Promise(resolve => {
      this.waiting = { nodeName: node.name, expectedType, resolve };
      const request: FlowMultiTurnInputRequestEvent = { nodeName: node.name, nodeType: 'AgentNode', content: { document: question } };
      this.events.push({ flowMultiTurnInputRequestEvent: request });
      this.settle('INPUT_REQUIRED', request);
    });
  }

  /** Records an output event. */
  public output(nodeName: string, document: unknown): void {
    this.events.push({ flowOutputEvent: { nodeName, nodeType: 'FlowOutputNode', content: { document } } });
  }

  /** Records a trace event (when tracing is on); `make` gets the timestamp. */
  public trace(make: (timestamp: Date) => FlowTrace): void {
    if (!this.options.enableTrace) return;
    const timestamp = this.options.clock ? this.options.clock() : new Date(EPOCH + this.tick++);
    this.events.push({ flowTraceEvent: { trace: make(timestamp) } });
  }

  /** A new request id for an action trace. */
  public nextRequestId(): string {
    return `${this.id}-request-${++this.requests}`;
  }

  /** Counts one run of a node. */
  public countRun(node: CompiledNode): void {
    this.nodeRuns[node.name] = (hasOwn(this.nodeRuns, node.name) ? this.nodeRuns[node.name] : 0) + 1;
  }

  private async main(document: unknown): Promise<void> {
    const input = this.scope.start;
    const output = input.outputByName.get('document') ?? input.outputs[0];
    if (output && !matchesType(document, output.type)) {
      throw new FlowSimulationError(`the input document is ${describeValue(document)}, but Input node '${input.name}' declares its output `
        + `'${output.name}' as ${output.type}: run the flow with a ${output.type}, or change the output's type`,
      { nodeName: input.name, nodeType: input.type });
    }
    const run = new ScopeRun(this, this.scope);
    this.countRun(input);
    run.emit(input, { depth: 0, chain: [] }, output ? { [output.name]: document } : {});
    await run.drain();
  }

  private settle(completionReason: FlowSimulationCompletionReason, inputRequest?: FlowMultiTurnInputRequestEvent): void {
    if (completionReason === 'SUCCESS') this.done = true;
    this.events.push({ flowCompletionEvent: { completionReason } });
    const outputs: FlowOutputEvent[] = [];
    const outputsByNode: Record<string, unknown[]> = {};
    const traces: FlowTrace[] = [];
    for (const event of this.events) {
      if ('flowOutputEvent' in event) {
        outputs.push(event.flowOutputEvent);
        const name = event.flowOutputEvent.nodeName;
        if (!hasOwn(outputsByNode, name)) outputsByNode[name] = [];
        outputsByNode[name].push(event.flowOutputEvent.content.document);
      } else if ('flowTraceEvent' in event) {
        traces.push(event.flowTraceEvent.trace);
      }
    }
    this.stop.resolve({
      executionId: this.id,
      completionReason,
      outputs,
      outputsByNode,
      ...(inputRequest ? { inputRequest } : {}),
      traces,
      events: this.events,
      nodeRuns: this.nodeRuns,
    });
  }

  private fail(error: unknown): void {
    this.done = true;
    this.stop.reject(error);
  }
}

/** The run of one scope (the flow, or one iteration of a loop body): node states and the ready queue. */
class ScopeRun {
  /** LoopController: the input values it ran with (loop bodies). */
  public controllerValues?: Record<string, unknown>;

  /** By node index: what the node has received, per context. */
  private readonly states: Map<Ctx, NodeState>[];
  /** By node index: the deepest context the node has state in (to skip scans for enclosing-context values). */
  private readonly maxDepth: number[];
  private readonly queue: Job[] = [];
  private head = 0;

  constructor(private readonly exec: Execution, private readonly scope: CompiledScope) {
    this.states = scope.nodes.map(() => new Map());
    this.maxDepth = scope.nodes.map(() => -1);
  }

  /** Type-checks a node's output values, traces them and delivers them to the connected inputs. */
  public emit(node: CompiledNode, ctx: Ctx, values: Record<string, unknown>, producer = `${node.label} produced`): void {
    const fields: FlowTraceNodeOutputField[] = [];
    for (const output of node.outputs) {
      if (!hasOwn(values, output.name)) continue;
      const value = values[output.name];
      if (!matchesType(value, output.type)) {
        throw this.error(node, ctx, `${producer} ${describeValue(value)} for output '${output.name}', which is declared ${output.type}`);
      }
      fields.push({ nodeOutputName: output.name, content: { document: value }, next: output.next, type: output.type });
    }
    if (fields.length > 0) this.exec.trace(timestamp => ({ nodeOutputTrace: { nodeName: node.name, timestamp, fields } }));
    for (const output of node.outputs) {
      if (!hasOwn(values, output.name)) continue;
      const arrival: Arrival = { value: values[output.name], source: node.name, output: output.name };
      for (const target of output.targets) this.arrive(target, ctx, arrival);
    }
  }

  /** Runs ready nodes until none is left. */
  public async drain(): Promise<void> {
    while (this.head < this.queue.length) {
      const job = this.queue[this.head++];
      await this.run(job);
    }
    this.queue.length = 0;
    this.head = 0;
  }

  private stateOf(node: CompiledNode, ctx: Ctx): NodeState {
    const states = this.states[node.index];
    let state = states.get(ctx);
    if (!state) {
      state = { values: new Array(node.inputs.length), activated: false };
      states.set(ctx, state);
      if (ctx.depth > this.maxDepth[node.index]) this.maxDepth[node.index] = ctx.depth;
    }
    return state;
  }

  private arrive(target: CompiledTarget, ctx: Ctx, arrival: Arrival): void {
    this.stateOf(target.node, ctx).values[target.input.index] = arrival;
    this.check(target.node, ctx);
  }

  private activate(node: CompiledNode, ctx: Ctx): void {
    this.stateOf(node, ctx).activated = true;
    this.check(node, ctx);
  }

  /** After something arrived for `node` in `ctx`: queue it in `ctx`, or in contexts inside `ctx` waiting for this value. */
  private check(node: CompiledNode, ctx: Ctx): void {
    this.enqueueIfReady(node, ctx);
    if (this.maxDepth[node.index] <= ctx.depth) return;
    for (const inner of [...this.states[node.index].keys()]) {
      if (inner.depth <= ctx.depth) continue;
      let c = inner.parent;
      while (c && c !== ctx) c = c.parent;
      if (c) this.enqueueIfReady(node, inner);
    }
  }

  private enqueueIfReady(node: CompiledNode, ctx: Ctx): void {
    const states = this.states[node.index];
    const state = states.get(ctx);
    if (!state) return;
    const arrivals: Arrival[] = new Array(node.inputs.length);
    for (let i = 0; i < arrivals.length; i++) {
      let arrival = state.values[i];
      for (let c = ctx.parent; !arrival && c; c = c.parent) arrival = states.get(c)?.values[i];
      if (!arrival) return;
      arrivals[i] = arrival;
    }
    if (node.conditional) {
      let activated = state.activated;
      for (let c = ctx.parent; !activated && c; c = c.parent) activated = states.get(c)?.activated ?? false;
      if (!activated) return;
    }
    states.delete(ctx);
    this.queue.push({ node, ctx, arrivals });
  }

  private async run(job: Job): Promise<void> {
    const { node, ctx } = job;
    const values: Record<string, unknown> = {};
    const fields: FlowTraceNodeInputField[] = [];
    for (const input of node.inputs) {
      const arrival = job.arrivals[input.index];
      const value = evaluateInputExpression(input.parsed, arrival.value);
      const from = `output '${arrival.output}' of '${arrival.source}'`;
      if (value === undefined) {
        throw this.error(node, ctx, `input '${input.name}': the expression '${input.expression}' selects nothing in the value of ${from}, `
          + `${describeValue(arrival.value)}`);
      }
      if (!matchesType(value, input.type)) {
        throw this.error(node, ctx, `input '${input.name}' is declared ${input.type}, but its value is ${describeValue(value)} `
          + `(expression '${input.expression}' on the ${from})`);
      }
      values[input.name] = value;
      fields.push({
        nodeInputName: input.name,
        content: { document: value },
        source: { nodeName: arrival.source, outputFieldName: arrival.output, expression: input.expression },
        type: input.type,
        ...(input.category !== undefined ? { category: input.category } : {}),
        ...(ctx.chain.length > 0 ? { executionChain: ctx.chain } : {}),
      });
    }
    this.exec.countRun(node);
    if (fields.length > 0) this.exec.trace(timestamp => ({ nodeInputTrace: { nodeName: node.name, timestamp, fields } }));

    switch (node.type) {
      case 'Output':
        this.exec.output(node.name, 'document' in values ? values.document : values[node.inputs[0]?.name]);
        return;
      case 'Condition':
        return this.runCondition(node, ctx, values);
      case 'Iterator':
        return this.runIterator(node, ctx, values);
      case 'Collector':
        return this.runCollector(node, ctx, values);
      case 'Loop':
        return this.runLoop(node, ctx, values);
      case 'LoopController':
        this.controllerValues = values;
        return;
      case 'Input':
      case 'LoopInput':
        return;
      default:
        if (HANDLED_NODE_TYPES.includes(node.type)) return this.runHandled(node, ctx, values);
        throw this.error(node, ctx, `the simulator does not know node type '${node.type}'`);
    }
  }

  /** Conditions in order, the first satisfied wins; `default` when none is. */
  private runCondition(node: CompiledNode, ctx: Ctx, values: Record<string, unknown>): void {
    let chosen: CompiledCondition | undefined;
    for (const condition of node.conditions) {
      if (!condition.ast) continue;
      let satisfied: boolean;
      try {
        satisfied = evaluateConditionExpression(condition.ast, values);
      } catch (e) {
        throw this.error(node, ctx, `condition '${condition.name}' (${condition.expression}) cannot be evaluated: ${(e as Error).message}`);
      }
      if (satisfied) {
        chosen = condition;
        break;
      }
    }
    chosen ??= node.conditions.find(c => c.name === 'default') ?? node.conditions.find(c => !c.ast);
    const satisfiedConditions = chosen ? [{ conditionName: chosen.name }] : [];
    this.exec.trace(timestamp => ({ conditionNodeResultTrace: { nodeName: node.name, timestamp, satisfiedConditions } }));
    for (const target of chosen?.targets ?? []) this.activate(target, ctx);
  }

  /** One item at a time: each item's downstream work is drained before the next item starts. */
  private async runIterator(node: CompiledNode, ctx: Ctx, values: Record<string, unknown>): Promise<void> {
    const array = ('array' in values ? values.array : values[node.inputs[0]?.name]) as unknown[];
    if (!Array.isArray(array)) throw this.error(node, ctx, `input 'array' must be an Array, got ${describeValue(array)}`);
    if (array.length === 0) {
      // nothing to iterate: the Collectors paired with this Iterator emit an empty array
      for (const collector of node.pairedCollectors) this.emit(collector, ctx, { collectedArray: [] });
      return;
    }
    const frame: IterationFrame = { iterator: node, collectors: new Map(), completed: new Set() };
    for (let index = 0; index < array.length; index++) {
      const item: Ctx = { parent: ctx, depth: ctx.depth + 1, chain: [...ctx.chain, { nodeName: node.name, index, type: 'Iterator' }], frame };
      this.emit(node, item, { arrayItem: array[index], arraySize: array.length });
      await this.drain();
    }
    const [incomplete] = frame.collectors;
    if (incomplete) {
      const [name, group] = incomplete;
      throw this.error(this.scope.byName.get(name)!, ctx, `it received ${group.count} of the ${group.size} items (its arraySize) of `
        + `Iterator '${node.name}', so it never emitted collectedArray: the other items did not reach it (a Condition branch not taken?). `
        + 'The simulator does not guess what Bedrock does then; make every item reach the Collector');
    }
  }

  private runCollector(node: CompiledNode, ctx: Ctx, values: Record<string, unknown>): void {
    const item = ctx.chain[ctx.chain.length - 1];
    const frame = ctx.frame;
    if (!frame || !item || item.type !== 'Iterator') {
      throw this.error(node, ctx, 'it ran outside the items of an Iterator: connect its arrayItem to a node downstream of an Iterator, '
        + "and its arraySize to the Iterator's arraySize");
    }
    if (frame.completed.has(node.name)) {
      throw this.error(node, ctx, `it received more items from Iterator '${frame.iterator.name}' than its arraySize: `
        + "connect its arraySize to the Iterator's arraySize");
    }
    let group = frame.collectors.get(node.name);
    if (!group) {
      const size = values.arraySize;
      if (typeof size !== 'number' || !Number.isInteger(size) || size < 1) {
        throw this.error(node, ctx, `input 'arraySize' must be a positive whole number, got ${describeValue(size)}`);
      }
      group = { size, items: new Array(size), count: 0 };
      frame.collectors.set(node.name, group);
    }
    group.items[item.index] = values.arrayItem;
    group.count++;
    if (group.count >= group.size) {
      frame.collectors.delete(node.name);
      frame.completed.add(node.name);
      this.emit(node, ctx.parent!, { collectedArray: group.items });
    }
  }

  /**
   * A DoWhile loop: the body runs, then the LoopController's `continueCondition` is evaluated over
   * its `LoopCondition` inputs. POLARITY: the loop CONTINUES WHILE THE CONDITION IS TRUE (the field
   * name and the user guide; the API reference says the opposite, flows-spec §1.7). It also stops
   * after `maxIterations` (default 10) iterations. The body always runs at least once.
   * `ReturnValueToLoopStart` inputs become the LoopInput node's outputs of the same name for the next
   * iteration; on exit, `ExitLoop` inputs become the Loop node's outputs of the same name.
   */
  private async runLoop(node: CompiledNode, ctx: Ctx, values: Record<string, unknown>): Promise<void> {
    const body = node.body!;
    const controller = body.controller!;
    const condition = controller.continueCondition!;
    if (!condition.ast) {
      throw this.error(controller, ctx, `continueCondition '${condition.name}' has no expression, so the loop cannot decide whether to continue`);
    }
    const maxIterations = typeof controller.configuration.maxIterations === 'number' ? controller.configuration.maxIterations : DEFAULT_MAX_ITERATIONS;
    const inputsOf = (category: string) => controller.inputs.filter(i => i.category === category);

    // the first iteration's LoopInput outputs: the Loop node's inputs of the same names
    let loopValues: Record<string, unknown> = {};
    for (const output of body.start.outputs) {
      const from = byNameOrOnly(node.inputs, output.name, body.start.outputs.length);
      if (!from) {
        throw this.error(node, ctx, `LoopInput node '${body.start.name}' has output '${output.name}', but the Loop node has no input of that name`);
      }
      loopValues[output.name] = values[from.name];
    }

    for (let index = 0; ; index++) {
      const iteration: Ctx = { parent: ctx, depth: ctx.depth + 1, chain: [...ctx.chain, { nodeName: node.name, index, type: 'Loop' }] };
      const run = new ScopeRun(this.exec, body);
      this.exec.countRun(body.start);
      run.emit(body.start, iteration, loopValues);
      await run.drain();
      const result = run.controllerValues;
      if (!result) {
        throw this.error(controller, iteration, 'it did not run, so the loop cannot decide whether to continue: '
          + 'some of its inputs got no value in this iteration');
      }
      const conditionInputs: Record<string, unknown> = {};
      for (const input of inputsOf('LoopCondition')) conditionInputs[input.name] = result[input.name];
      let proceed: boolean;
      try {
        proceed = evaluateConditionExpression(condition.ast, conditionInputs);
      } catch (e) {
        throw this.error(controller, iteration, `continueCondition '${condition.name}' (${condition.expression}) over its LoopCondition inputs `
          + `cannot be evaluated: ${(e as Error).message}`);
      }
      if (proceed && index + 1 < maxIterations) {
        const returned = inputsOf('ReturnValueToLoopStart');
        const next: Record<string, unknown> = { ...loopValues };
        for (const output of body.start.outputs) {
          const from = byNameOrOnly(returned, output.name, body.start.outputs.length);
          if (from) next[output.name] = result[from.name];
        }
        loopValues = next;
        continue;
      }
      const exits = inputsOf('ExitLoop');
      const outputs: Record<string, unknown> = {};
      for (const output of node.outputs) {
        const from = byNameOrOnly(exits, output.name, node.outputs.length);
        if (!from) {
          throw this.error(node, ctx, `output '${output.name}' has no ExitLoop input of the same name on LoopController '${controller.name}'`);
        }
        outputs[output.name] = result[from.name];
      }
      this.emit(node, ctx, outputs);
      return;
    }
  }

  /** Nodes whose work a handler does. */
  private async runHandled(node: CompiledNode, ctx: Ctx, values: Record<string, unknown>): Promise<void> {
    const exec = this.exec;
    const options = exec.options;
    const handler = own<FlowNodeHandler>(options.nodeHandlers, node.name) ?? own<FlowNodeHandler>(options.handlers, node.type);
    const c = node.configuration;
    const base: FlowNodeRequest = {
      nodeName: node.name, nodeType: node.type, inputs: values, node: node.json, executionId: exec.id, executionChain: ctx.chain,
    };
    let result: unknown;
    switch (node.type) {
      case 'Prompt': {
        const source = c.sourceConfiguration ?? {};
        const inline = source.inline;
        const chat = inline?.templateConfiguration?.chat;
        const prompt = node.template ? render(node.template, values) : undefined;
        const messages = chat?.messages ? renderTexts(chat.messages, values) : undefined;
        result = await this.call(node, ctx, handler, {
          ...base,
          ...(prompt !== undefined ? { prompt } : {}),
          ...(inline ? { modelId: inline.modelId } : {}),
          ...(source.resource ? { promptArn: source.resource.promptArn } : {}),
          ...(messages ? { messages } : {}),
          ...(chat?.system ? { system: renderTexts(chat.system, values) } : {}),
          ...(inline?.inferenceConfiguration ? { inferenceConfiguration: inline.inferenceConfiguration } : {}),
          ...(c.guardrailConfiguration ? { guardrailConfiguration: c.guardrailConfiguration } : {}),
        });
        this.action(node, 'bedrock-runtime', 'InvokeModel', source.resource
          ? { promptArn: source.resource.promptArn, promptVariables: values }
          : { modelId: inline?.modelId, prompt: prompt ?? messages }, result);
        break;
      }
      case 'KnowledgeBase':
        result = await this.call(node, ctx, handler, {
          ...base,
          knowledgeBaseId: c.knowledgeBaseId,
          ...(c.modelId !== undefined ? { modelId: c.modelId } : {}),
          retrievalQuery: values.retrievalQuery,
          ...(c.numberOfResults !== undefined ? { numberOfResults: c.numberOfResults } : {}),
          outputName: node.outputs[0]?.name ?? (c.modelId !== undefined ? 'outputText' : 'retrievalResults'),
          configuration: c,
        });
        break;
      case 'Agent':
        return this.runAgent(node, ctx, values, base, handler);
      case 'LambdaFunction': {
        const event: LambdaFunctionEvent = {
          messageVersion: '1.0',
          flow: { flowArn: options.flowArn, flowAliasArn: options.flowAliasArn },
          node: {
            name: node.name,
            inputs: node.inputs.map(i => ({ name: i.name, type: i.type, expression: i.expression, value: values[i.name] })),
          },
        };
        result = await this.call(node, ctx, handler, event, { ...base, lambdaArn: c.lambdaArn });
        this.action(node, 'lambda', 'Invoke', event, result);
        break;
      }
      case 'Lex':
        result = await this.call(node, ctx, handler, {
          ...base,
          botAliasArn: c.botAliasArn,
          localeId: c.localeId,
          inputText: values.inputText,
          ...('requestAttributes' in values ? { requestAttributes: values.requestAttributes } : {}),
          ...('sessionAttributes' in values ? { sessionAttributes: values.sessionAttributes } : {}),
        });
        break;
      case 'Storage': {
        const bucketName = bucketNameOf(c.serviceConfiguration?.s3?.bucketName);
        const objectKey = values.objectKey as string;
        const content = values.content;
        result = handler
          ? await this.call(node, ctx, handler, { ...base, bucketName, objectKey, content })
          : options.s3.putObject(bucketName, objectKey, typeof content === 'string' ? content : JSON.stringify(content));
        break;
      }
      case 'Retrieval': {
        const bucketName = bucketNameOf(c.serviceConfiguration?.s3?.bucketName);
        const objectKey = values.objectKey as string;
        result = handler ? await this.call(node, ctx, handler, { ...base, bucketName, objectKey }) : options.s3.getObject(bucketName, objectKey);
        if (!handler && result === undefined) {
          throw this.error(node, ctx, `there is no object ${InMemoryS3.uri(bucketName, objectKey)} in the simulator's in-memory S3: put it there `
            + `before the run (simulator.s3.putObject('${bucketName}', '${objectKey}', text)), or pass a Retrieval handler`);
        }
        break;
      }
      default: // InlineCode
        result = await this.call(node, ctx, handler, { ...base, code: c.code, language: c.language });
        break;
    }
    this.emitResult(node, ctx, result);
  }

  /** An Agent node: the handler may ask for input any number of times before it answers. */
  private async runAgent(
    node: CompiledNode, ctx: Ctx, values: Record<string, unknown>, base: FlowNodeRequest, handler: FlowNodeHandler | undefined,
  ): Promise<void> {
    const c = node.configuration;
    const sessionId = [this.exec.id, node.name, ...ctx.chain.map(i => `${i.nodeName}${i.index}`)].join('-');
    const expectedType = node.inputByName.get('agentInputText')?.type ?? 'String';
    let agentInputText = values.agentInputText;
    for (let turn = 1; ; turn++) {
      const result = await this.call(node, ctx, handler, {
        ...base,
        agentAliasArn: c.agentAliasArn,
        agentInputText,
        ...('promptAttributes' in values ? { promptAttributes: values.promptAttributes } : {}),
        ...('sessionAttributes' in values ? { sessionAttributes: values.sessionAttributes } : {}),
        turn,
        sessionId,
      });
      this.action(node, 'bedrock-agent-runtime', 'InvokeAgent', { agentAliasArn: c.agentAliasArn, sessionId, inputText: agentInputText }, result);
      if (isRecord(result) && 'inputRequired' in result && Object.keys(result).length === 1) {
        // the other ready nodes of this scope run first: the flow stops for input only when nothing else can run
        await this.drain();
        agentInputText = await this.exec.suspend(node, result.inputRequired, expectedType);
        continue;
      }
      this.emitResult(node, ctx, result);
      return;
    }
  }

  /** Calls a node's handler; a missing handler or one that throws fails the run, naming the node. */
  private async call(node: CompiledNode, ctx: Ctx, handler: FlowNodeHandler | undefined, request: unknown, extra?: unknown): Promise<unknown> {
    if (!handler) {
      const args = node.type === 'LambdaFunction' ? '(event, request)' : 'request';
      throw this.error(node, ctx, `it has no handler${node.type === 'InlineCode' ? ' (the simulator does not run Python)' : ''}: pass `
        + `\`handlers: { ${node.type}: ${args} => ... }\` (every ${node.type} node) or \`nodeHandlers: { ${node.name}: ${args} => ... }\` `
        + '(this node) to new FlowSimulator(...)');
    }
    try {
      return await handler(request, extra);
    } catch (e) {
      if (e instanceof FlowSimulationError) throw e;
      throw this.error(node, ctx, `its handler threw: ${e instanceof Error ? e.message : String(e)}`, e);
    }
  }

  /** Traces a call a node made (`nodeActionTrace`). */
  private action(node: CompiledNode, serviceName: string, operationName: string, operationRequest: unknown, operationResponse: unknown): void {
    const exec = this.exec;
    exec.trace(timestamp => ({
      nodeActionTrace: {
        nodeName: node.name, timestamp, requestId: exec.nextRequestId(), serviceName, operationName, operationRequest, operationResponse,
      },
    }));
  }

  /** A handler's value: the node's only output, or an object of output values by name. */
  private emitResult(node: CompiledNode, ctx: Ctx, result: unknown): void {
    if (node.outputs.length === 0) return;
    const producer = `the handler of ${node.label} returned`;
    if (node.outputs.length === 1) {
      this.emit(node, ctx, { [node.outputs[0].name]: result }, producer);
      return;
    }
    const names = node.outputs.map(o => o.name);
    if (!isRecord(result) || !names.every(n => hasOwn(result, n))) {
      throw this.error(node, ctx, `the node has outputs ${names.map(n => `'${n}'`).join(', ')}, so its handler must return an object `
        + `with a value for each of them; it returned ${describeValue(result)}`);
    }
    this.emit(node, ctx, result, producer);
  }

  private error(node: CompiledNode, ctx: Ctx, message: string, cause?: unknown): FlowSimulationError {
    const text = message.startsWith(node.label) || message.startsWith(`the handler of ${node.label}`) ? message : `${node.label}: ${message}`;
    return new FlowSimulationError(text, { nodeName: node.name, nodeType: node.type, executionChain: ctx.chain, cause });
  }
}

/**
 * At a loop boundary, the port named `name`, or else the only port when both sides have exactly one
 * (the validator's LoopPortMismatch warns about the unnamed pairing).
 */
function byNameOrOnly<T extends { readonly name: string }>(ports: readonly T[], name: string, otherSide: number): T | undefined {
  return ports.find(p => p.name === name) ?? (ports.length === 1 && otherSide === 1 ? ports[0] : undefined);
}

/** Whether an object has its own property `key` (not one inherited, like `toString`). */
function hasOwn(object: object, key: string): boolean {
  return Object.prototype.hasOwnProperty.call(object, key);
}

/** An object's own property. */
function own<T>(object: object, key: string): T | undefined {
  return hasOwn(object, key) ? (object as Record<string, T>)[key] : undefined;
}

/** Renders a split template with the node's input values. */
function render(parts: TemplatePart[], values: Record<string, unknown>): string {
  let text = '';
  for (const part of parts) {
    if ('text' in part) text += part.text;
    else text += hasOwn(values, part.variable) ? templateText(values[part.variable]) : `{{${part.variable}}}`;
  }
  return text;
}

/** Renders every `text` string inside CHAT messages or system blocks. */
function renderTexts(value: unknown, values: Record<string, unknown>): any {
  if (Array.isArray(value)) return value.map(v => renderTexts(v, values));
  if (!isRecord(value)) return value;
  const out: Record<string, unknown> = {};
  for (const [key, v] of Object.entries(value)) {
    out[key] = key === 'text' && typeof v === 'string' ? render(splitTemplate(v), values) : renderTexts(v, values);
  }
  return out;
}
