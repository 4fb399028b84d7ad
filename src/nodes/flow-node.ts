import { Construct } from 'constructs';
import { FlowChain } from '../definition/chain';
import { FlowDataType } from '../definition/data-type';
import { markGraphChanged, recordRenderedNode } from '../definition/graph';
import { FlowOutput } from '../definition/ports';
import { FlowConnectionJson, FlowNodeInputJson, FlowNodeJson } from '../definition/schema';
import { deriveNodePermissions } from '../permissions';
import { FlowPermission, PermissionContext } from '../permissions/types';
import { assertNodeStyleName, connectionName } from '../private/names';
import { assertAllowedInLoopBody, assertSameLoopScope, findEnclosingLoop } from './private/loop-boundary';

/** Something that can be chained onto: a node or a chain of nodes. */
export interface IFlowChainable {
  /** A descriptive identifier of this chainable. */
  readonly id: string;
  /** The first node of the chainable. */
  readonly startNode: FlowNode;
  /** The nodes that `next()` continues from; empty when the chainable cannot be continued. */
  readonly endNodes: IFlowNextable[];
}

/** A node whose output can feed the next node. */
export interface IFlowNextable {
  /**
   * Connects this node's primary output to the single unbound input of the next node.
   * @returns the chain built so far
   */
  next(next: IFlowChainable): FlowChain;
}

/** Properties common to every flow node. */
export interface FlowNodeProps {
  /**
   * The node's name in the flow definition (letters, digits and single underscores, 2–101 characters).
   * @default - the construct id
   */
  readonly nodeName?: string;
}

/** Options of an input a node declares. */
export interface FlowNodeInputOptions {
  /**
   * The type the node type requires for this input.
   * @default - the type of the value the source gives
   */
  readonly fixedType?: FlowDataType;
  /**
   * The input's category (LoopController inputs only).
   * @default - no category
   */
  readonly category?: string;
  /**
   * The output that feeds the input.
   * @default - unbound: `previous.next(node)` or a later binding feeds it
   */
  readonly source?: FlowOutput;
}

/** @internal an input port of a node: declared name and type, and the output it reads from */
export interface InputPort {
  readonly name: string;
  /** fixed by the node type; otherwise the type is taken from the source */
  readonly fixedType?: FlowDataType;
  readonly category?: string;
  source?: FlowOutput;
}

/**
 * A node of a Bedrock flow.
 *
 * Nodes are constructs: a node's name defaults to its construct id, and the flow's synth-time
 * checks report problems with the node's construct path.
 */
export abstract class FlowNode extends Construct implements IFlowChainable {
  /** Whether the given object is a FlowNode. */
  public static isFlowNode(x: any): x is FlowNode {
    return x !== null && typeof x === 'object' && FLOW_NODE_SYMBOL in x;
  }

  // The fields are `declare`d and set in the constructor: a class field initializer of a base class
  // sees objects of every subclass, and V8 defines such fields several times slower than it assigns them.

  /** The node's name in the flow definition. */
  declare public readonly nodeName: string;
  /** The node type, as in the flow definition (`Prompt`, `Condition`, ...). */
  declare public readonly nodeType: string;
  /** The first node of this chainable: the node itself. */
  declare public readonly startNode: FlowNode;
  /** The nodes that `next()` continues from. */
  public abstract readonly endNodes: IFlowNextable[];

  /** @internal */
  declare public readonly _inputPorts: InputPort[];
  /** @internal */
  declare public readonly _outputPorts: FlowOutput[];
  /** @internal nodes that read one of this node's outputs, in the order they were connected */
  declare public readonly _consumers: Set<FlowNode>;
  /** @internal the Loop node whose body this node is in (see `enclosingLoop`) */
  declare public readonly _enclosingLoop?: FlowNode;
  /** @internal whether a flow rendered this node (set at synth) */
  declare public _inFlow: boolean;

  protected constructor(scope: Construct, id: string, nodeType: string, props: FlowNodeProps = {}) {
    super(scope, id);
    this.nodeName = props.nodeName ?? id;
    this.nodeType = nodeType;
    this.startNode = this;
    this._inputPorts = [];
    this._outputPorts = [];
    this._consumers = new Set();
    this._inFlow = false;
    assertNodeStyleName(this.nodeName, () => `${nodeType} node at '${this.node.path}': the node name`, // the path only when it fails
      props.nodeName === undefined ? 'pass a valid `nodeName`, or use a construct id such as \'ExtractText\'' : 'choose another `nodeName`');
    this._enclosingLoop = findEnclosingLoop(this);
    assertAllowedInLoopBody(this);
    markGraphChanged(); // a new node can join a rendered graph (a loop body) before it has any port
    this.node.addValidation({
      validate: () => {
        const errors = this.validateNode();
        if (!this._inFlow) {
          errors.push(`node '${this.nodeName}' is not part of any flow: connect it to a flow's nodes (next(), inputs, when/otherwise) or remove it`);
        }
        return errors;
      },
    });
  }

  /** The node's identifier, for chaining. */
  public get id(): string {
    return this.node.id;
  }

  /**
   * The output that `next()` connects: the only output, or the node type's main one.
   * @internal
   */
  public _primaryOutput(): FlowOutput | undefined {
    return this._outputPorts[0];
  }

  /** @internal the inputs that no output feeds yet */
  public _unboundInputs(): InputPort[] {
    return this._inputPorts.filter(p => p.source === undefined);
  }

  /**
   * Whether `next()` may create an input named after the source output when the node has no
   * unbound input (nodes whose inputs are free-named, such as Lambda function nodes).
   * @internal
   */
  public _acceptsImplicitInput(): boolean {
    return false;
  }

  /** @internal adds an input named after `source` (see `_acceptsImplicitInput`) */
  public _addImplicitInput(source: FlowOutput): void {
    this.addInput(source.name, { source });
  }

  /** @internal */
  public _bindInput(name: string, source: FlowOutput): void {
    const port = this._inputPorts.find(p => p.name === name);
    if (!port) throw new Error(`node '${this.nodeName}' has no input '${name}'`);
    this.connect(port, source);
  }

  /**
   * Nodes nested inside this node's configuration (a Loop node's body), which the flow marks,
   * validates and grants permissions for along with the node.
   * @internal
   */
  public _innerNodes(): FlowNode[] {
    return [];
  }

  /** @internal nodes this node activates through conditional connections */
  public _conditionalTargets(): FlowNode[] {
    return [];
  }

  /** @internal the node as it appears in the flow definition */
  public _renderNode(): FlowNodeJson {
    const json: { -readonly [K in keyof FlowNodeJson]: FlowNodeJson[K] } = {
      name: this.nodeName,
      type: this.nodeType,
      configuration: this.renderConfiguration(),
    };
    if (this._inputPorts.length > 0) json.inputs = this._inputPorts.map(p => this.renderInput(p));
    if (this._outputPorts.length > 0) json.outputs = this._outputPorts.map(o => ({ name: o.name, type: o.type }));
    recordRenderedNode(this, json);
    return json;
  }

  /** @internal the connections that end at this node (data) or start from it (conditional) */
  public _renderConnections(): FlowConnectionJson[] {
    const connections: FlowConnectionJson[] = [];
    for (const port of this._inputPorts) {
      if (!port.source) continue;
      const sourceName = port.source.node.nodeName;
      connections.push({
        name: connectionName(sourceName, this.nodeName, port.name),
        type: 'Data',
        source: sourceName,
        target: this.nodeName,
        configuration: { data: { sourceOutput: port.source.name, targetInput: port.name } },
      });
    }
    return connections;
  }

  /**
   * The permissions the flow's role needs for this node: those derived from the node's JSON
   * (`src/permissions`, the same derivation an imported definition gets) and `_extraPermissions`.
   * @param json the node's JSON, when the caller has rendered it already
   * @internal
   */
  public _permissions(ctx: PermissionContext, json: FlowNodeJson = this._renderNode()): FlowPermission[] {
    return [...deriveNodePermissions(json, ctx), ...this._extraPermissions(ctx)];
  }

  /**
   * Permissions the flow's role needs for this node that cannot be read from the node's JSON
   * (for example the model behind a managed prompt).
   * @internal
   */
  public _extraPermissions(_ctx: PermissionContext): FlowPermission[] {
    return [];
  }

  /** The node-type specific `configuration` member, e.g. `{ prompt: {...} }`. */
  protected abstract renderConfiguration(): any;

  /** Node-specific checks run at synth; return one message per problem. */
  protected validateNode(): string[] {
    return [];
  }

  /** Declares an output. */
  protected addOutput(name: string, type: FlowDataType): FlowOutput {
    const output = FlowOutput._create(this, name, type);
    this._outputPorts.push(output);
    markGraphChanged();
    return output;
  }

  /**
   * Declares an input, optionally already fed by `source`.
   * @param name the input name
   * @param options fixed type, loop category, and source
   */
  protected addInput(name: string, options: FlowNodeInputOptions = {}): void {
    assertNodeStyleName(name, () => `node '${this.nodeName}': the input name`, 'rename the input');
    if (this._inputPorts.some(p => p.name === name)) {
      throw new Error(`node '${this.nodeName}' already has an input named '${name}'`);
    }
    const port: InputPort = { name, fixedType: options.fixedType, category: options.category };
    this._inputPorts.push(port);
    markGraphChanged();
    if (options.source) this.connect(port, options.source);
  }

  /** Adds the free-named inputs of a `{ name: output }` map. */
  protected addInputs(inputs: { [name: string]: FlowOutput } | undefined): void {
    for (const [name, source] of Object.entries(inputs ?? {})) {
      this.addInput(name, { source });
    }
  }

  /**
   * Connects this node's primary output to the single unbound input of `next`.
   * @returns the chain from this node to `next`
   */
  protected makeNext(next: IFlowChainable): FlowChain {
    const target = next.startNode;
    const source = this._primaryOutput();
    if (!source) {
      throw new Error(`node '${this.nodeName}' (${this.nodeType}) has no output to connect to '${target.nodeName}'`);
    }
    const unbound = target._unboundInputs();
    if (unbound.length === 1) {
      target._bindInput(unbound[0].name, source);
    } else if (unbound.length > 1) {
      throw new Error(`cannot connect '${source}' to node '${target.nodeName}' with next(): it has ${unbound.length} unbound inputs `
        + `(${unbound.map(p => p.name).join(', ')}); bind them with its \`inputs\` property`);
    } else if (!target._inputPorts.some(p => p.source?.node === this)) {
      if (target._acceptsImplicitInput() && target._inputPorts.length === 0) {
        target._addImplicitInput(source);
      } else {
        throw new Error(`cannot connect '${source}' to node '${target.nodeName}' with next(): all its inputs are already bound `
          + `and none reads from '${this.nodeName}'; bind one of its inputs to '${source}' in its \`inputs\``);
      }
    }
    return FlowChain.sequence(this, next);
  }

  private connect(port: InputPort, source: FlowOutput): void {
    if (port.source) {
      throw new Error(`input '${port.name}' of node '${this.nodeName}' is already fed by '${port.source}'; `
        + 'each input takes exactly one connection (use a separate node per branch)');
    }
    if (source.node === this) {
      throw new Error(`input '${port.name}' of node '${this.nodeName}' cannot read the node's own output '${source}'`);
    }
    assertSameLoopScope(this, port.name, source);
    if (port.fixedType !== undefined && source.inputType !== port.fixedType) {
      throw new Error(`input '${port.name}' of node '${this.nodeName}' takes a ${port.fixedType}, but '${source}' gives `
        + `${source.inputType}; select a ${port.fixedType} with \`${source}.at('$.data.<field>', FlowDataType.${port.fixedType.toUpperCase()})\``);
    }
    port.source = source;
    source.node._consumers.add(this);
    markGraphChanged();
  }

  private renderInput(port: InputPort): FlowNodeInputJson {
    return {
      name: port.name,
      type: port.fixedType ?? port.source?.inputType ?? FlowDataType.STRING,
      expression: port.source?.expression ?? '$.data',
      ...(port.category ? { category: port.category } : {}),
    };
  }
}

/**
 * A node with outputs, which `next()` can continue from.
 */
export abstract class NextableFlowNode extends FlowNode implements IFlowNextable {
  /** The nodes that `next()` continues from: this node. */
  declare public readonly endNodes: IFlowNextable[]; // set in the constructor (see FlowNode)

  protected constructor(scope: Construct, id: string, nodeType: string, props: FlowNodeProps = {}) {
    super(scope, id, nodeType, props);
    this.endNodes = [this];
  }

  /**
   * Connects this node's primary output to the single unbound input of `next`, and returns the chain.
   *
   * When `next` has no unbound input, it must already read one of this node's outputs
   * (or, for nodes with free-named inputs and no inputs yet, an input named after the output is added).
   */
  public next(next: IFlowChainable): FlowChain {
    return this.makeNext(next);
  }
}

const FLOW_NODE_SYMBOL = Symbol.for('cdk-bedrock-flows.FlowNode');
// on the prototype, so that `isFlowNode` (an `in` test) holds for every node without a property per instance
Object.defineProperty(FlowNode.prototype, FLOW_NODE_SYMBOL, { value: true });
