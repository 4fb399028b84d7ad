import { Construct } from 'constructs';
import { FlowNode, FlowNodeProps, IFlowNextable, NextableFlowNode } from './flow-node';
import { enclosingLoop } from './private/loop-boundary';
import { FlowCondition } from '../definition/condition';
import { FlowDataType } from '../definition/data-type';
import { collectNodes, renderNodes } from '../definition/graph';
import { FlowOutput } from '../definition/ports';
import { assertNodeStyleName } from '../private/names';
import { isUnresolved } from '../private/tokens';

/** The input categories of a LoopController node. */
const LOOP_CONDITION = 'LoopCondition';
const RETURN_VALUE_TO_LOOP_START = 'ReturnValueToLoopStart';
const EXIT_LOOP = 'ExitLoop';

/** Outputs per node. */
const MAX_OUTPUTS = 5;

/** Properties of a LoopNode. */
export interface LoopNodeProps extends FlowNodeProps {
  /**
   * The loop's inputs, by name. Inside the body, read them from `loop.loopInput.output(name)`;
   * a LoopController's `returnValues` set them for the next iteration.
   */
  readonly inputs: { [name: string]: FlowOutput };

  /**
   * The node name of the body's LoopInput node.
   * @default 'LoopInput'
   */
  readonly loopInputName?: string;
}

/**
 * A do-while loop: runs its body (the nodes created with the loop as their scope) at least once,
 * and again while the LoopController's `continueCondition` holds, up to `maxIterations` times.
 *
 * The body starts at `loop.loopInput`, whose outputs are the loop's inputs, and ends at a
 * LoopControllerNode, whose `exitValues` become the loop's outputs (`loop.output(name)`).
 * Connections cannot cross the loop's boundary: values go in through `inputs` and come out through `exitValues`.
 * A body cannot hold Input, Output, Condition, Iterator, Collector or Loop nodes.
 * @see https://docs.aws.amazon.com/bedrock/latest/userguide/flows-nodes.html
 */
export class LoopNode extends NextableFlowNode {
  /** The start of the loop body; its outputs are the loop's inputs, as of the current iteration. */
  public readonly loopInput: LoopInputNode;

  private _controller?: LoopControllerNode;

  constructor(scope: Construct, id: string, props: LoopNodeProps) {
    super(scope, id, 'Loop', props);
    if (Object.keys(props.inputs).length === 0) {
      throw new Error(`Loop node '${this.nodeName}' needs at least one input: the values its body starts from`);
    }
    this.addInputs(props.inputs);
    this.loopInput = LoopInputNode._create(this, 'LoopInput', props.loopInputName,
      this._inputPorts.map(p => ({ name: p.name, type: p.source!.inputType })));
  }

  /** The body's LoopController node, once it is created. */
  public get controller(): LoopControllerNode | undefined {
    return this._controller;
  }

  /**
   * The loop's output `name`, for nodes after the loop: the final value of the LoopController's
   * exit value of that name.
   */
  public output(name: string): FlowOutput {
    const output = this._outputPorts.find(o => o.name === name);
    if (!output) {
      const known = this._outputPorts.map(o => `'${o.name}'`).join(', ');
      throw new Error(`Loop node '${this.nodeName}' has no output '${name}' (${known ? `outputs: ${known}` : 'no outputs yet'}); `
        + 'a loop\'s outputs are the `exitValues` of its LoopControllerNode');
    }
    return output;
  }

  /** @internal */
  public _setController(controller: LoopControllerNode): void {
    if (this._controller) {
      throw new Error(`Loop node '${this.nodeName}' already has a LoopController ('${this._controller.nodeName}'); a loop body has exactly one`);
    }
    this._controller = controller;
  }

  /** @internal declares a loop output fed by the controller's ExitLoop input of the same name */
  public _addExitOutput(name: string, type: FlowDataType): FlowOutput {
    return this.addOutput(name, type);
  }

  /** @internal the loop body: the nodes connected to the LoopInput node */
  public _innerNodes(): FlowNode[] {
    return collectNodes(this.loopInput);
  }

  protected renderConfiguration(): any {
    return { loop: { definition: renderNodes(this._innerNodes()) } };
  }

  protected validateNode(): string[] {
    if (!this._controller) {
      return [`Loop node '${this.nodeName}' has no LoopController: end its body with new LoopControllerNode(loop, 'Id', { continueCondition, ... })`];
    }
    return [];
  }
}

/** One output of a LoopInput node. */
interface LoopInputOutput {
  readonly name: string;
  readonly type: FlowDataType;
}

/**
 * The start of a loop body (`loop.loopInput`): its outputs carry the Loop node's inputs, under the
 * same names, as of the current iteration. Created by the LoopNode.
 */
export class LoopInputNode extends NextableFlowNode {
  /** @internal */
  public static _create(loop: LoopNode, id: string, nodeName: string | undefined, outputs: LoopInputOutput[]): LoopInputNode {
    return new LoopInputNode(loop, id, nodeName, outputs);
  }

  /** The Loop node this node starts the body of. */
  public readonly loop: LoopNode;

  private constructor(loop: LoopNode, id: string, nodeName: string | undefined, outputs: LoopInputOutput[]) {
    super(loop, id, 'LoopInput', { nodeName });
    this.loop = loop;
    for (const o of outputs) this.addOutput(o.name, o.type);
  }

  /** The value of the loop's input `name` in the current iteration. */
  public output(name: string): FlowOutput {
    const output = this._outputPorts.find(o => o.name === name);
    if (!output) {
      throw new Error(`Loop node '${this.loop.nodeName}' has no input '${name}' (inputs: ${this._outputPorts.map(o => `'${o.name}'`).join(', ')}); `
        + 'add it to the loop\'s `inputs`');
    }
    return output;
  }

  protected renderConfiguration(): any {
    return { loopInput: {} };
  }
}

/** Properties of a LoopControllerNode. */
export interface LoopControllerNodeProps extends FlowNodeProps {
  /**
   * The condition under which the loop runs its body again (the service's `continueCondition`),
   * over the names of `conditionInputs`. The body always runs at least once.
   */
  readonly continueCondition: FlowCondition;

  /**
   * The name of the continue condition.
   * @default 'continueLoop'
   */
  readonly conditionName?: string;

  /** The values the condition compares, by the name the condition uses (inputs of category `LoopCondition`). */
  readonly conditionInputs: { [name: string]: FlowOutput };

  /**
   * The values of the loop's inputs for the next iteration, by loop input name (inputs of category
   * `ReturnValueToLoopStart`). Each must have the type of the loop input.
   * @default - none
   */
  readonly returnValues?: { [loopInputName: string]: FlowOutput };

  /**
   * The values the loop returns when it ends, by name (inputs of category `ExitLoop`); each becomes
   * an output of the Loop node (`loop.output(name)`), at most 5.
   * @default - none: the loop has no outputs
   */
  readonly exitValues?: { [outputName: string]: FlowOutput };

  /**
   * The most times the body runs, 1–1000.
   * @default - the service's default (10)
   */
  readonly maxIterations?: number;
}

/**
 * The end of a loop body: decides whether the body runs again (`continueCondition`), feeds values
 * back to the loop start (`returnValues`) and out of the loop (`exitValues`). Create it with the
 * Loop node as scope: `new LoopControllerNode(loop, 'Gate', {...})`. A loop body has exactly one.
 * @see https://docs.aws.amazon.com/bedrock/latest/userguide/flows-nodes.html
 */
export class LoopControllerNode extends FlowNode {
  /** A loop controller ends its body: nothing can follow it. */
  public readonly endNodes: IFlowNextable[] = [];
  /** The Loop node whose body this node ends. */
  public readonly loop: LoopNode;

  private readonly conditionName: string;
  private readonly continueCondition: FlowCondition;
  private readonly maxIterations?: number;

  constructor(scope: Construct, id: string, props: LoopControllerNodeProps) {
    super(scope, id, 'LoopController', props);
    const where = `LoopController node '${this.nodeName}'`;
    const loop = enclosingLoop(this) as LoopNode | undefined;
    if (!loop) {
      throw new Error(`${where} is not in a loop body: create it with the Loop node as its scope (new LoopControllerNode(loop, '${id}', {...}))`);
    }
    if (loop.controller) {
      throw new Error(`Loop node '${loop.nodeName}' already has a LoopController ('${loop.controller.nodeName}'); a loop body has exactly one`);
    }
    this.loop = loop;
    this.conditionName = props.conditionName ?? 'continueLoop';
    assertNodeStyleName(this.conditionName, `continue condition name on ${where}`, 'rename the condition');
    this.continueCondition = props.continueCondition;
    this.maxIterations = props.maxIterations;
    if (props.maxIterations !== undefined && !isUnresolved(props.maxIterations)
      && (!Number.isInteger(props.maxIterations) || props.maxIterations < 1 || props.maxIterations > 1000)) {
      throw new Error(`${where}: maxIterations must be a whole number from 1 to 1000, got ${props.maxIterations}`);
    }

    const conditionInputs = Object.entries(props.conditionInputs);
    const returnValues = Object.entries(props.returnValues ?? {});
    const exitValues = Object.entries(props.exitValues ?? {});
    if (conditionInputs.length === 0) {
      throw new Error(`${where} needs at least one of \`conditionInputs\`: the values its continue condition compares`);
    }
    const problems = props.continueCondition._check(conditionInputs.map(([name]) => name));
    if (problems.length > 0) {
      throw new Error(`${where}, continue condition: ${problems.join('; ')}`);
    }
    const loopInputs = new Map(loop.loopInput._outputPorts.map(o => [o.name, o.type]));
    for (const [name] of returnValues) {
      if (!loopInputs.has(name)) {
        throw new Error(`${where}: return value '${name}' is not an input of Loop node '${loop.nodeName}' `
          + `(inputs: ${[...loopInputs.keys()].map(n => `'${n}'`).join(', ')}); returnValues set the loop's inputs for the next iteration`);
      }
    }
    if (exitValues.length > MAX_OUTPUTS) {
      throw new Error(`${where} has ${exitValues.length} exit values; a Loop node has at most ${MAX_OUTPUTS} outputs`);
    }
    // the three kinds of values are all inputs of this node, so their names share one namespace
    const seen = new Map<string, string>();
    for (const [kind, entries] of [['conditionInputs', conditionInputs], ['returnValues', returnValues], ['exitValues', exitValues]] as const) {
      for (const [name] of entries) {
        const other = seen.get(name);
        if (other) {
          throw new Error(`${where}: '${name}' is in both \`${other}\` and \`${kind}\`; they are all inputs of the LoopController, `
            + 'so their names must differ (for example name the exit value \'result\')');
        }
        seen.set(name, kind);
      }
    }

    for (const [name, source] of conditionInputs) this.addInput(name, { source, category: LOOP_CONDITION });
    for (const [name, source] of returnValues) {
      this.addInput(name, { source, category: RETURN_VALUE_TO_LOOP_START, fixedType: loopInputs.get(name) });
    }
    for (const [name, source] of exitValues) this.addInput(name, { source, category: EXIT_LOOP });
    loop._setController(this);
    for (const [name, source] of exitValues) loop._addExitOutput(name, source.inputType);
  }

  protected renderConfiguration(): any {
    return {
      loopController: {
        continueCondition: { name: this.conditionName, expression: this.continueCondition.conditionExpression },
        ...(this.maxIterations !== undefined ? { maxIterations: this.maxIterations } : {}),
      },
    };
  }
}
