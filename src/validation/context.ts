import { NodePorts, nodePorts } from './node-ports';
import { FlowValidationOptions, FlowValidationSeverity } from './types';
import { ConditionParseResult, parseConditionExpression } from '../definition/expressions/condition-expression';
import { InputExpressionParseResult, parseInputExpression } from '../definition/expressions/input-expression';
import {
  configurationKey, FlowConnectionJson, FlowDefinitionJson, FlowNodeInputJson, FlowNodeJson, FlowNodeOutputJson, NODE_TYPES,
} from '../definition/schema';
import { isUnresolved } from '../private/tokens';

/** A finding of one rule, before the rule's type and the scope are added. */
export interface RuleFinding {
  readonly message: string;
  readonly node?: string;
  readonly connection?: string;
  /** the input or output of `node` concerned */
  readonly port?: string;
  /** overrides the rule's severity */
  readonly severity?: FlowValidationSeverity;
}

/** Adds a finding of the rule it was given to. */
export type Report = (finding: RuleFinding) => void;

/**
 * One validation rule: pure checks over one definition scope. A rule checks each node, each
 * connection, and/or the scope as a whole (graph searches, counts). The validator visits every node
 * and every connection once, running the checks of all rules on it while it is at hand, so a
 * definition is read in one pass whatever the number of rules.
 */
export interface FlowValidationRule {
  /** The service's validation type, or the schema check's name. */
  readonly type: string;
  /** The severity of the rule's findings. */
  readonly severity: FlowValidationSeverity;
  /** Whether the rule is a size limit (skipped when `checkLimits` is false). */
  readonly isLimit?: boolean;
  /**
   * Checks one node, as the scope is indexed (each node that is an object, in definition order).
   * The node's own data is complete; of the rest of the scope only the nodes before it (and a few
   * after it, of the same block) are known, and some of the connections may be: a check that needs
   * the rest of the nodes or the connections is a `scope` check.
   */
  node?(node: NodeEntry, ctx: ValidationContext, report: Report): void;
  /**
   * Checks one connection, as the scope's connections are indexed (each connection that is an
   * object, in definition order). The nodes it joins are known (a connection whose source or target
   * is not yet a node is checked once every node is); the nodes' lists of incoming and outgoing
   * connections hold the connections up to this one, and a few after it (of the same block):
   * compare positions to tell them apart. The entry is the rule's to read during the call only: the
   * context keeps no entry per connection (see `ValidationContext`).
   */
  connection?(connection: ConnectionEntry, ctx: ValidationContext, report: Report): void;
  /** Checks the scope as a whole, once it is indexed. */
  scope?(ctx: ValidationContext, report: Report): void;
}

/** What is called as the nodes and connections of a scope are indexed. */
export interface ScopeVisitor {
  /**
   * Called with each block of nodes just indexed, `nodes[from]` to `nodes[to - 1]` (at most
   * `BLOCK` of them; the list is the context's and is reused for the next block): a block is small
   * enough to stay in the CPU caches while every rule checks it in turn, and each rule's code runs
   * for the whole block.
   */
  nodes(nodes: readonly NodeEntry[], from: number, to: number, ctx: ValidationContext): void;
  /**
   * Called with each block of connections just indexed, `connections[from]` to `connections[to - 1]`,
   * as `nodes` is with nodes (the list is the context's and is reused for the next block).
   * Connections are indexed in definition order, each as soon as the nodes it joins are (between
   * blocks of nodes), and the rest once every node is.
   */
  connections(connections: readonly ConnectionEntry[], from: number, to: number, ctx: ValidationContext): void;
}

/** A condition of a Condition node, or a LoopController's continue condition. */
export interface ConditionJson {
  readonly name: string;
  readonly expression?: string;
}

// shared empty lists, so that the many nodes without one allocate nothing (not frozen: a frozen
// array would make the loops over these lists polymorphic)
const NONE: readonly never[] = [];
const NO_GROUPS: readonly ConnectionEntry[][] = [];
const CONFIGURATION_KEYS: ReadonlyMap<string, string> = new Map(NODE_TYPES.map(type => [type, configurationKey(type)]));

/**
 * A node of the scope with what the rules need of it: its ports, its inputs, outputs and conditions
 * by name. A view, made when it is needed: the context keeps each node as written, and what the
 * rules share about it (its connections, its inputs connected) in flat arrays (see
 * `ValidationContext`).
 */
export class NodeEntry {
  /** The node's name; undefined when it is not a string. */
  public readonly name: string | undefined;
  /** The node's type; undefined when it is not a string. */
  public readonly type: string | undefined;
  /** Whether this is the first node of its name: the one connections refer to. */
  public readonly isNamed: boolean;
  /** The ports of the node's type; undefined for a type that is not a node type. */
  public readonly ports: NodePorts | undefined;
  /** The member of `configuration` a node of this type has (`prompt` for Prompt); undefined for a type that is not a node type. */
  public readonly configurationKey: string | undefined;
  /** The inputs that are objects with a name (the first of each name). */
  public readonly inputs: readonly FlowNodeInputJson[];
  /** The outputs that are objects with a name (the first of each name). */
  public readonly outputs: readonly FlowNodeOutputJson[];
  /** A Condition node's conditions that are objects with a name (the first of each name); empty for other types. */
  public readonly conditions: readonly ConditionJson[];

  constructor(
    /** The node as written. */
    public readonly node: FlowNodeJson,
    /** The node's position among the scope's nodes that are objects (an index for per-node arrays). */
    public readonly index: number,
    isNamed: boolean,
    /** Where the positions by name of long lists are kept, by node index (the context's: views of one node share them). */
    private readonly longLists: Map<number, LongLists> = new Map(),
  ) {
    this.name = typeof node.name === 'string' ? node.name : undefined;
    this.type = typeof node.type === 'string' ? node.type : undefined;
    this.isNamed = isNamed;
    this.ports = nodePorts(node);
    this.configurationKey = this.type !== undefined ? CONFIGURATION_KEYS.get(this.type) : undefined;
    this.inputs = named(node.inputs);
    this.outputs = named(node.outputs);
    this.conditions = this.type === 'Condition' ? named(node.configuration?.condition?.conditions) : NONE;
  }

  /** The input of a name. */
  public input(name: unknown): FlowNodeInputJson | undefined {
    return this.inputs[this.position('inputs', name)];
  }

  /** The position of the input of a name among `inputs`, -1 when the node has none. */
  public inputPosition(name: unknown): number {
    return this.position('inputs', name);
  }

  /** The output of a name. */
  public output(name: unknown): FlowNodeOutputJson | undefined {
    return this.outputs[this.position('outputs', name)];
  }

  /** The condition of a name (Condition nodes). */
  public condition(name: unknown): ConditionJson | undefined {
    return this.conditions[this.position('conditions', name)];
  }

  /**
   * The position of a name in one of the node's lists, -1 when it has none: a search in order, as
   * these lists are short (at most 20 in a valid flow); a map past 16 entries, so that lookups stay
   * constant-time whatever the list's length.
   */
  private position(list: 'inputs' | 'outputs' | 'conditions', name: unknown): number {
    const items: readonly { readonly name: string }[] = this[list];
    if (items.length > SHORT) return this.positions(list).get(name as string) ?? -1;
    for (let i = 0; i < items.length; i++) if (items[i].name === name) return i;
    return -1;
  }

  /** The position of each name in a long list, built on first use. */
  private positions(list: 'inputs' | 'outputs' | 'conditions'): Map<string, number> {
    let lists = this.longLists.get(this.index);
    if (!lists) this.longLists.set(this.index, lists = {});
    let positions = lists[list];
    if (!positions) {
      positions = new Map(this[list].map((item, i) => [item.name, i]));
      lists[list] = positions;
    }
    return positions;
  }
}

/** Positions by name in a node's lists too long to search in order (no valid flow has one). */
type LongLists = { [list in 'inputs' | 'outputs' | 'conditions']?: Map<string, number> };

/**
 * A connection of the scope, with the nodes it joins: a view made when it is needed (the context
 * keeps what the rules share about each connection in flat arrays, see `ValidationContext`).
 */
export class ConnectionEntry {
  /** The connection's name; undefined when it is not a string. */
  public readonly name: string | undefined;
  /** `Data` or `Conditional`; undefined for anything else. */
  public readonly type: 'Data' | 'Conditional' | undefined;
  /** The first node named like the connection's source; undefined when there is none. */
  public readonly source: NodeEntry | undefined;
  /** The first node named like the connection's target; undefined when there is none. */
  public readonly target: NodeEntry | undefined;
  /** The source output of a Data connection, when it is a string; undefined otherwise. */
  public readonly sourceOutput: string | undefined;
  /** The target input of a Data connection, when it is a string; undefined otherwise. */
  public readonly targetInput: string | undefined;
  /** The condition a Conditional connection follows, when it is a string; undefined otherwise. */
  public readonly condition: string | undefined;
  /** The source's output the connection reads (Data connections); undefined when the source has no such output. */
  public readonly output: FlowNodeOutputJson | undefined;
  /** The target's input the connection feeds (Data connections); undefined when the target has no such input. */
  public readonly input: FlowNodeInputJson | undefined;

  constructor(
    /** The connection as written. */
    public readonly connection: FlowConnectionJson,
    /** The connection's position among the scope's connections that are objects. */
    public readonly index: number,
    /** The first node named like the connection's source; undefined when there is none. */
    source: NodeEntry | undefined,
    /** The first node named like the connection's target; undefined when there is none. */
    target: NodeEntry | undefined,
  ) {
    this.name = typeof connection.name === 'string' ? connection.name : undefined;
    this.type = connection.type === 'Data' || connection.type === 'Conditional' ? connection.type : undefined;
    this.source = source;
    this.target = target;
    this.sourceOutput = this.type === 'Data' ? sourceOutputOf(connection) : undefined;
    this.targetInput = this.type === 'Data' ? targetInputOf(connection) : undefined;
    this.condition = this.type === 'Conditional' ? conditionOf(connection) : undefined;
    this.output = this.sourceOutput !== undefined ? this.source?.output(this.sourceOutput) : undefined;
    this.input = this.targetInput !== undefined ? this.target?.input(this.targetInput) : undefined;
  }
}

/**
 * One definition scope (the top-level definition, or a Loop node's body) with the indexes the
 * rules share, built once in linear time. Malformed entries (not objects, missing names) are
 * skipped here and reported by the schema rules.
 *
 * The context keeps no object per node or per connection: what the rules share about each (the
 * first node of each name, the nodes a connection joins, its kind and the input it feeds, the
 * connections into and out of each node, the inputs connected) is kept in flat arrays of integers,
 * and an entry (`NodeEntry`, `ConnectionEntry`) is made when a rule needs one. On a large
 * definition, objects kept per node and per connection would all stay alive until the scope is
 * checked: the garbage collector would copy each of them (young objects are copied when they
 * survive a collection) and the process would map fresh memory for them; an array of integers is
 * neither copied nor scanned.
 */
export class ValidationContext {
  /** The positions (see `connection`) of this scope's connections that are `Conditional`, in definition order. */
  public readonly conditionalConnections: number[] = [];
  /**
   * The nodes of this scope that are objects, as written, in definition order: the definition's own
   * list when every node is an object (the common case: no copy), else a list of the context's own.
   */
  private nodeList: readonly FlowNodeJson[];
  private nodeTotal = 0;
  /** `NODE_INTS` integers per node: its first and last connections in and out, its inputs connected, its flags. */
  private readonly nodeInts: Int32Array;
  /** The inputs connected past the 31st, by node (no valid flow has any). */
  private beyond?: Map<number, Set<number>>;
  /** The position of the first node of each name among the nodes. */
  private readonly nodeNames: NameTable;
  private readonly nodesByType = new Map<string, number[]>();
  private readonly longLists = new Map<number, LongLists>();
  /** The nodes indexed since the last visit (see `ScopeVisitor.nodes`), the first one at `nodeBlockStart`. */
  private readonly nodeBlock: NodeEntry[] = [];
  private nodeBlockStart = 0;
  private nodeBlockSize = 0;
  /** The connections of this scope that are objects, as written, in definition order (the definition's own list when every one is). */
  private connectionList: readonly FlowConnectionJson[];
  private connectionTotal = 0;
  /** `LINK` integers per connection: its source and target nodes, its kind, its input, the next connections. */
  private readonly links: Int32Array;
  private readonly connectionNames: RepeatedNames;
  private repeated?: readonly number[];
  /** The connections indexed since the last visit (see `ScopeVisitor.connections`). */
  private readonly block: ConnectionEntry[] = [];
  private blockSize = 0;
  private readonly inputExpressions = new Map<string, InputExpressionParseResult>();
  private readonly conditionExpressions = new Map<string, ConditionParseResult>();
  private innerNames?: Map<string, FlowNodeJson>;
  /** The names last looked up with `node`, and their entries. */
  private readonly recent: (string | undefined)[] = new Array(RECENT).fill(undefined);
  private readonly recentEntries: (NodeEntry | undefined)[] = new Array(RECENT).fill(undefined);
  private nextRecent = 0;

  constructor(
    /** The definition of this scope. */
    public readonly definition: FlowDefinitionJson,
    /** The Loop node whose body this is; undefined for the top-level definition. */
    public readonly loopNode: FlowNodeJson | undefined,
    /** The validation options. */
    public readonly options: FlowValidationOptions,
    /** The scope that holds `loopNode`; undefined for the top-level definition. */
    public readonly parent?: ValidationContext,
    /** Called with the nodes and the connections, by blocks as they are indexed (the validator runs the rules' checks there). */
    visitor?: ScopeVisitor,
  ) {
    // Nodes in definition order. After each block of nodes, the connections that follow in definition
    // order are indexed as far as both their ends are nodes already indexed: a connection mostly joins
    // nodes defined just before it, whose data is then still in the CPU caches (on a large definition,
    // indexing every node first and then every connection would read each node again from memory).
    // The rest of the connections are indexed once every node is. Each block of nodes or of
    // connections is visited while it is at hand (plain loops: this runs for every node and connection).
    const nodes: readonly FlowNodeJson[] = Array.isArray(definition?.nodes) ? definition.nodes : NONE;
    const connections: readonly FlowConnectionJson[] = Array.isArray(definition?.connections) ? definition.connections : NONE;
    this.nodeList = nodes;
    this.nodeInts = new Int32Array(NODE_INTS * nodes.length);
    this.nodeNames = new NameTable(nodes.length, i => this.nodeList[i].name);
    this.connectionList = connections;
    this.links = new Int32Array(LINK * connections.length);
    this.connectionNames = new RepeatedNames(connections.length);
    let next = 0; // the next connection to index
    for (let i = 0; i < nodes.length; i++) {
      const node = nodes[i];
      if (!isEntry(node)) continue;
      const index = this.nodeTotal++;
      if (index !== i) this.nodeList = own(this.nodeList, nodes, index, node);
      const first = typeof node.name === 'string' && this.nodeNames.add(node.name, index);
      const entry = new NodeEntry(node, index, first, this.longLists);
      const at = NODE_INTS * index;
      this.nodeInts[at + NAMED] = first ? 1 : 0;
      this.nodeInts[at + INPUTS] = entry.inputs.length;
      if (entry.type !== undefined && LISTED_TYPES.has(entry.type)) push(this.nodesByType, entry.type, index);
      if (this.nodeBlockSize === BLOCK) {
        this.nodeBlockStart = index;
        this.nodeBlockSize = 0;
      }
      this.nodeBlock[this.nodeBlockSize++] = entry;
      if (this.nodeBlockSize === BLOCK) {
        visitor?.nodes(this.nodeBlock, 0, BLOCK, this);
        next = this.indexConnections(connections, next, false, visitor);
      }
    }
    if (this.nodeBlockSize % BLOCK > 0) visitor?.nodes(this.nodeBlock, 0, this.nodeBlockSize, this);
    this.indexConnections(connections, next, true, visitor);
    if (this.blockSize > 0) visitor?.connections(this.block, 0, this.blockSize, this);
    this.block.length = 0; // the entries were the visit's
  }

  /**
   * Indexes the connections from `list[from]` on, in definition order, and visits each full block;
   * returns where it stopped. Unless `all`, it stops at the first connection that does not join two
   * nodes already indexed (the nodes after it may hold its ends).
   */
  private indexConnections(list: readonly FlowConnectionJson[], from: number, all: boolean, visitor: ScopeVisitor | undefined): number {
    const links = this.links;
    for (let i = from; i < list.length; i++) {
      const connection = list[i];
      if (!isEntry(connection)) continue;
      const source = this.node(connection.source);
      const target = this.node(connection.target);
      if (!all && (source === undefined || target === undefined)) return i;
      const position = this.connectionTotal++;
      if (position !== i) this.connectionList = own(this.connectionList, list, position, connection);
      if (typeof connection.name === 'string') this.connectionNames.add(connection.name, position);
      const entry = new ConnectionEntry(connection, position, source, target);
      const at = LINK * position;
      const input = entry.input ? target!.inputPosition(entry.targetInput) : -1;
      links[at + SOURCE] = source ? source.index : -1;
      links[at + TARGET] = target ? target.index : -1;
      links[at + KIND] = (entry.type === 'Data' ? DATA : entry.type === 'Conditional' ? CONDITIONAL : 0) + (entry.targetInput !== undefined ? TARGET_INPUT : 0);
      links[at + INPUT] = input;
      if (source) this.append(source.index, position, FIRST_OUT, LAST_OUT, NEXT_OUT);
      if (target) this.append(target.index, position, FIRST_IN, LAST_IN, NEXT_IN);
      if (input >= 0) this.connect(target!.index, input);
      if (entry.type === 'Conditional') this.conditionalConnections.push(position);
      this.block[this.blockSize++] = entry;
      if (this.blockSize === BLOCK) {
        visitor?.connections(this.block, 0, BLOCK, this);
        this.blockSize = 0;
      }
    }
    return list.length;
  }

  /**
   * Adds the connection at a position to the end of one of a node's lists of connections (in or
   * out: the node's `first` and `last` integers, the connections' `next`). The lists are in
   * definition order, and hold positions + 1: 0 ends a list.
   */
  private append(index: number, position: number, first: number, last: number, next: number): void {
    const at = NODE_INTS * index;
    const previous = this.nodeInts[at + last];
    if (previous === 0) this.nodeInts[at + first] = position + 1;
    else this.links[LINK * (previous - 1) + next] = position + 1;
    this.nodeInts[at + last] = position + 1;
  }

  /** How many of the scope's nodes are objects: their indexes run from 0 to this. */
  public get nodeCount(): number {
    return this.nodeTotal;
  }

  /** The node at an index (among the scope's nodes that are objects), as an entry made now. */
  public nodeAt(index: number): NodeEntry {
    return new NodeEntry(this.nodeList[index], index, this.isNamed(index), this.longLists);
  }

  /** Every node of the scope, as entries made now, in definition order. */
  public nodeEntries(): NodeEntry[] {
    return Array.from({ length: this.nodeTotal }, (_, index) => this.nodeAt(index));
  }

  /** The name of the node at an index; undefined when it is not a string. */
  public nameAt(index: number): string | undefined {
    const name = this.nodeList[index].name;
    return typeof name === 'string' ? name : undefined;
  }

  /** Whether the node at an index is the first node of its name: the one connections refer to. */
  public isNamed(index: number): boolean {
    return this.nodeInts[NODE_INTS * index + NAMED] === 1;
  }

  /**
   * The first node of a name; undefined when there is none. Connections mostly name the nodes of
   * the connections just before them (a node's connections come together), so the last names
   * looked up are kept: on a large definition, each lookup in the table is a wait for memory. A
   * node of the block being indexed is the block's entry; any other is made now.
   */
  public node(name: unknown): NodeEntry | undefined {
    if (typeof name !== 'string') return undefined;
    const recent = this.recent;
    for (let i = 0; i < RECENT; i++) if (recent[i] === name) return this.recentEntries[i];
    const index = this.nodeNames.find(name);
    if (index < 0) return undefined;
    const inBlock = index - this.nodeBlockStart;
    const entry = inBlock >= 0 && inBlock < this.nodeBlockSize ? this.nodeBlock[inBlock] : this.nodeAt(index);
    recent[this.nextRecent] = name;
    this.recentEntries[this.nextRecent] = entry;
    this.nextRecent = (this.nextRecent + 1) % RECENT;
    return entry;
  }

  /** Counts a data connection into the input at a position of the node at an index (the first one into each input). */
  private connect(index: number, input: number): void {
    const at = NODE_INTS * index;
    if (input < 31) { // a bit for each of the first 31 inputs (a valid node has at most 20)
      const bit = 1 << input; // eslint-disable-line no-bitwise
      if (this.nodeInts[at + MASK] & bit) return; // eslint-disable-line no-bitwise
      this.nodeInts[at + MASK] |= bit; // eslint-disable-line no-bitwise
    } else {
      this.beyond ??= new Map();
      let connected = this.beyond.get(index);
      if (!connected) this.beyond.set(index, connected = new Set());
      if (connected.has(input)) return;
      connected.add(input);
    }
    this.nodeInts[at + CONNECTED]++;
  }

  /** Whether a data connection goes into each input of the node at an index (inputs are counted as connections arrive). */
  public allInputsConnected(index: number): boolean {
    return this.nodeInts[NODE_INTS * index + CONNECTED] === this.nodeInts[NODE_INTS * index + INPUTS];
  }

  /** How many of the scope's connections are objects: their positions run from 0 to this. */
  public get connectionCount(): number {
    return this.connectionTotal;
  }

  /** The connection at a position (among the scope's connections that are objects), as an entry made now. */
  public connection(position: number): ConnectionEntry {
    const source = this.sourceOf(position);
    const target = this.targetOf(position);
    const json = this.connectionList[position];
    return new ConnectionEntry(json, position, source >= 0 ? this.nodeAt(source) : undefined, target >= 0 ? this.nodeAt(target) : undefined);
  }

  /** The connection at a position as written. */
  public connectionJson(position: number): FlowConnectionJson {
    return this.connectionList[position];
  }

  /** Every connection of the scope, as entries made now, in definition order. */
  public connectionEntries(): ConnectionEntry[] {
    return Array.from({ length: this.connectionTotal }, (_, position) => this.connection(position));
  }

  /** The index of the source of the connection at a position; -1 when its source is no node. */
  public sourceOf(position: number): number {
    return this.links[LINK * position + SOURCE];
  }

  /** The index of the target of the connection at a position; -1 when its target is no node. */
  public targetOf(position: number): number {
    return this.links[LINK * position + TARGET];
  }

  /** Whether the connection at a position is `Data` (else `Conditional`, or neither). */
  public isData(position: number): boolean {
    return (this.links[LINK * position + KIND] & DATA) !== 0; // eslint-disable-line no-bitwise
  }

  /** Whether the connection at a position is `Conditional`. */
  public isConditional(position: number): boolean {
    return (this.links[LINK * position + KIND] & CONDITIONAL) !== 0; // eslint-disable-line no-bitwise
  }

  /** Whether the connection at a position is `Data` with a target input that is a string. */
  public hasTargetInput(position: number): boolean {
    return (this.links[LINK * position + KIND] & TARGET_INPUT) !== 0; // eslint-disable-line no-bitwise
  }

  /** The source output of the `Data` connection at a position, when it is a string; undefined otherwise. */
  public sourceOutputOf(position: number): string | undefined {
    return this.isData(position) ? sourceOutputOf(this.connectionList[position]) : undefined;
  }

  /** The target input of the `Data` connection at a position, when it is a string; undefined otherwise. */
  public targetInputOf(position: number): string | undefined {
    return this.isData(position) ? targetInputOf(this.connectionList[position]) : undefined;
  }

  /** The condition the `Conditional` connection at a position follows, when it is a string; undefined otherwise. */
  public conditionOf(position: number): string | undefined {
    return this.isConditional(position) ? conditionOf(this.connectionList[position]) : undefined;
  }

  /** The position among its target's `inputs` of the input the connection at a position feeds; -1 when it feeds none. */
  public inputOf(position: number): number {
    return this.links[LINK * position + INPUT];
  }

  /**
   * The position of the first connection whose target is the node at an index, -1 when none is
   * (connections go to the first node of a name only); the next ones follow with `nextIncoming`,
   * in definition order.
   */
  public firstIncoming(index: number): number {
    return this.nodeInts[NODE_INTS * index + FIRST_IN] - 1;
  }

  /** The position of the first connection whose source is the node at an index, -1 when none is; see `nextOutgoing`. */
  public firstOutgoing(index: number): number {
    return this.nodeInts[NODE_INTS * index + FIRST_OUT] - 1;
  }

  /** The position of the next connection into the same node after the one at a position; -1 after the last. */
  public nextIncoming(position: number): number {
    return this.links[LINK * position + NEXT_IN] - 1;
  }

  /** The position of the next connection out of the same node after the one at a position; -1 after the last. */
  public nextOutgoing(position: number): number {
    return this.links[LINK * position + NEXT_OUT] - 1;
  }

  /** The connections whose target is the node at an index, in definition order, as entries made now. */
  public incoming(index: number): ConnectionEntry[] {
    const list: ConnectionEntry[] = [];
    for (let c = this.firstIncoming(index); c >= 0; c = this.nextIncoming(c)) list.push(this.connection(c));
    return list;
  }

  /** The connections whose source is the node at an index, in definition order, as entries made now. */
  public outgoing(index: number): ConnectionEntry[] {
    const list: ConnectionEntry[] = [];
    for (let c = this.firstOutgoing(index); c >= 0; c = this.nextOutgoing(c)) list.push(this.connection(c));
    return list;
  }

  /**
   * The inputs of a node that no data connection goes into, once the scope is indexed. Without a
   * search when every input is connected (inputs are counted as connections arrive).
   */
  public unconnectedInputs(node: NodeEntry): readonly FlowNodeInputJson[] {
    if (this.allInputsConnected(node.index)) return NONE;
    const connected = new Set<number>();
    for (let c = this.firstIncoming(node.index); c >= 0; c = this.nextIncoming(c)) connected.add(this.inputOf(c));
    return node.inputs.filter((_, i) => !connected.has(i));
  }

  /**
   * The inputs of the node at an index fed by more than one data connection: one list per input,
   * with its connections in definition order. The common case (no node with two data connections
   * in) allocates nothing.
   */
  public inputsWithSeveralConnections(index: number): readonly ConnectionEntry[][] {
    let data = 0;
    for (let c = this.firstIncoming(index); c >= 0; c = this.nextIncoming(c)) if (this.hasTargetInput(c)) data++;
    if (data < 2) return NO_GROUPS;
    const byInput = new Map<string, ConnectionEntry[]>();
    for (let c = this.firstIncoming(index); c >= 0; c = this.nextIncoming(c)) {
      if (!this.hasTargetInput(c)) continue;
      const entry = this.connection(c);
      const list = byInput.get(entry.targetInput!);
      if (list) list.push(entry);
      else byInput.set(entry.targetInput!, [entry]);
    }
    return [...byInput.values()].filter(list => list.length > 1);
  }

  /** The positions of the connections named like an earlier connection, in definition order (once the scope is indexed). */
  public repeatedConnectionNames(): readonly number[] {
    this.repeated ??= this.connectionNames.repeats(position => this.connectionList[position].name, this.connectionTotal);
    return this.repeated;
  }

  /** Whether this scope is a Loop node's body. */
  public get isLoopBody(): boolean {
    return this.loopNode !== undefined;
  }

  /** The nodes of this scope of one type, as entries made now. */
  public nodesOfType(type: ListedType): NodeEntry[] {
    return (this.nodesByType.get(type) ?? []).map(index => this.nodeAt(index));
  }

  /** How many nodes of this scope are of one type. */
  public countOfType(type: ListedType): number {
    return this.nodesByType.get(type)?.length ?? 0;
  }

  /**
   * The names of the nodes in the bodies of this scope's Loop nodes (not deeper), each with its
   * Loop node. Computed once; every body is read by its own scope only.
   */
  public get innerNodeNames(): Map<string, FlowNodeJson> {
    if (!this.innerNames) {
      this.innerNames = new Map();
      // from the definition, not the index: node checks may ask while the scope is being indexed
      for (const loop of objects(this.definition?.nodes) as FlowNodeJson[]) {
        if (loop.type !== 'Loop') continue;
        for (const node of objects(loop.configuration?.loop?.definition?.nodes) as FlowNodeJson[]) {
          if (typeof node.name === 'string' && !this.innerNames.has(node.name)) this.innerNames.set(node.name, loop);
        }
      }
    }
    return this.innerNames;
  }

  /**
   * Where a name that is not a node of this scope is a node: `outside` when it is a node of an
   * enclosing scope, `inside` when it is a node of one of this scope's loop bodies; undefined when
   * it is in neither.
   */
  public otherScopeOf(name: unknown): { readonly where: 'outside' | 'inside'; readonly loopNode?: FlowNodeJson } | undefined {
    if (typeof name !== 'string') return undefined;
    const inner = this.innerNodeNames.get(name);
    if (inner) return { where: 'inside', loopNode: inner };
    for (let scope = this.parent; scope; scope = scope.parent) {
      if (scope.node(name)) return { where: 'outside' };
    }
    return undefined;
  }

  /** Whether a value is not known at synth time (a CDK token or a `${...}` placeholder). */
  public isUnresolved(value: unknown): boolean {
    return isUnresolved(value);
  }

  /** An input expression, parsed once per distinct text. */
  public parseInputExpression(text: string): InputExpressionParseResult {
    let parsed = this.inputExpressions.get(text);
    if (!parsed) {
      parsed = parseInputExpression(text);
      this.inputExpressions.set(text, parsed);
    }
    return parsed;
  }

  /** A condition expression, parsed once per distinct text. */
  public parseConditionExpression(text: string): ConditionParseResult {
    let parsed = this.conditionExpressions.get(text);
    if (!parsed) {
      parsed = parseConditionExpression(text);
      this.conditionExpressions.set(text, parsed);
    }
    return parsed;
  }

  /** `the Loop node 'X' body` or `the flow`, for messages. */
  public get scopeLabel(): string {
    return this.loopNode ? `the body of Loop node '${this.loopNode.name}'` : 'the flow';
  }
}

/**
 * `list` with one more entry, once an entry of the definition's `original` list was skipped: the
 * first time, a copy of the `count` entries kept so far (the context's own list from then on).
 */
function own<T>(list: readonly T[], original: readonly T[], count: number, entry: T): readonly T[] {
  const mine = (list === original ? original.slice(0, count) : list) as T[];
  mine.push(entry);
  return mine;
}

/** The source output of a data connection, when it is a string. */
function sourceOutputOf(connection: FlowConnectionJson): string | undefined {
  const output = connection.configuration?.data?.sourceOutput;
  return typeof output === 'string' ? output : undefined;
}

/** The target input of a data connection, when it is a string. */
function targetInputOf(connection: FlowConnectionJson): string | undefined {
  const input = connection.configuration?.data?.targetInput;
  return typeof input === 'string' ? input : undefined;
}

/** The condition a conditional connection follows, when it is a string. */
function conditionOf(connection: FlowConnectionJson): string | undefined {
  const condition = connection.configuration?.conditional?.condition;
  return typeof condition === 'string' ? condition : undefined;
}

function objects(list: unknown): object[] {
  return Array.isArray(list) ? list.filter(isEntry) : [];
}

function isEntry(item: unknown): boolean {
  return item !== null && typeof item === 'object' && !Array.isArray(item);
}

/**
 * The entries of a node's list (inputs, outputs, conditions) that are objects with a string name,
 * first of each name. The list itself when it is already that (the common case: no copy).
 */
function named<T extends { readonly name: string }>(list: unknown): readonly T[] {
  if (!Array.isArray(list) || list.length === 0) return NONE;
  if (list.length > 32) return namedLong(list);
  let clean = true;
  for (let i = 0; i < list.length && clean; i++) {
    const item = list[i];
    clean = isNamedItem(item) && find(list as T[], item.name, i) === undefined;
  }
  if (clean) return list as T[];
  const result: T[] = [];
  for (const item of list) {
    if (isNamedItem(item) && find(result, item.name) === undefined) result.push(item as T);
  }
  return result;
}

/** Whether a list item is an object with a string name. */
function isNamedItem(item: any): item is { readonly name: string } {
  return item !== null && typeof item === 'object' && typeof item.name === 'string';
}

/** `named` for a long list (no valid flow has one), in linear time. */
function namedLong<T extends { readonly name: string }>(list: unknown[]): readonly T[] {
  const names = new Set<string>();
  const result: T[] = [];
  for (const item of list as any[]) {
    if (isNamedItem(item) && !names.has(item.name)) {
      names.add(item.name);
      result.push(item as T);
    }
  }
  return result;
}

/**
 * Positions by name: a table of the names' positions, sized once for all the names it will hold,
 * so that adding a name never reads the names added before it (a `Map` or `Set` of strings reads
 * every name again each time it grows, and on a large definition each read is a wait for memory).
 * Each slot is one integer: the position, and in the bits the position leaves free, more bits of
 * the name's hash; a name is compared with the name at a position only when those bits are equal.
 * Four bytes a slot keep the table small: on a large definition, each slot written or read is
 * likely a wait for memory, the fewer the smaller the table.
 */
export class NameTable {
  /** `position + 1`, with hash bits above it; 0 marks an empty slot */
  private readonly slots: Int32Array;
  private readonly mask: number;
  /** how many low bits of a slot hold `position + 1`, and those bits set */
  private readonly positionBits: number;
  private readonly positions: number;

  constructor(
    /** How many names it will hold at most. */
    size: number,
    /** The name at a position added. */
    private readonly nameAt: (position: number) => unknown,
  ) {
    let slots = 16;
    while (slots < 2 * size) slots *= 2;
    this.slots = new Int32Array(slots);
    this.mask = slots - 1;
    this.positionBits = Math.ceil(Math.log2(size + 2));
    this.positions = 2 ** this.positionBits - 1;
  }

  /** Adds a name at a position; false (and nothing added) when the table has the name already. */
  public add(name: string, position: number): boolean {
    const hash = hashOf(name);
    const slot = this.slotOf(name, hash);
    if (this.slots[slot] !== 0) return false;
    this.slots[slot] = this.tagOf(hash) + position + 1;
    return true;
  }

  /** The position of a name; -1 when the table does not have it. */
  public find(name: string): number {
    return (this.slots[this.slotOf(name, hashOf(name))] & this.positions) - 1; // eslint-disable-line no-bitwise
  }

  /** The hash bits a slot holds above the position: the top bits of the hash (the slot's index is its low bits). */
  private tagOf(hash: number): number {
    return this.positionBits >= 31 ? 0 : (hash >>> (this.positionBits + 1)) << this.positionBits; // eslint-disable-line no-bitwise
  }

  /** Where a name is in `slots`, or else the empty slot where it goes (linear probing). */
  private slotOf(name: string, hash: number): number {
    const { slots, mask, positions } = this;
    const tag = this.tagOf(hash);
    for (let i = hash & mask; ; i = (i + 1) & mask) { // eslint-disable-line no-bitwise
      const found = slots[i];
      if (found === 0 || (found - (found & positions) === tag && this.nameAt((found & positions) - 1) === name)) return i; // eslint-disable-line no-bitwise
    }
  }
}

/**
 * Which names of a list repeat an earlier one, found without a table of every name: a table that
 * large is written all over as names are added, and on a large definition each write is a wait for
 * memory. Instead, each name sets one bit of its hash in a bitmap of 8 to 16 bits per name (small
 * enough to stay in the CPU caches); a name whose bit is already set may repeat an earlier name,
 * and only those few are compared, once every name is added.
 */
export class RepeatedNames {
  /** one bit per slot, a name's slot being the top bits of its hash */
  private readonly seen: Int32Array;
  private readonly shift: number;
  /** the hash of the name at each position; 0 when none was added there */
  private readonly hashes: Int32Array;
  /** the positions whose name's bit was already set: every repeated name, and a few others */
  private readonly maybe: number[] = [];

  constructor(
    /** How many positions there are at most. */
    size: number,
  ) {
    let bits = 32;
    while (bits < 8 * size) bits *= 2;
    this.seen = new Int32Array(bits / 32);
    this.shift = 32 - Math.log2(bits);
    this.hashes = new Int32Array(size);
  }

  /** Adds the name at a position (positions are added in increasing order). */
  public add(name: string, position: number): void {
    const hash = hashOf(name);
    this.hashes[position] = hash;
    const slot = hash >>> this.shift; // eslint-disable-line no-bitwise
    const bit = 1 << (slot & 31); // eslint-disable-line no-bitwise
    if (this.seen[slot >>> 5] & bit) this.maybe.push(position); // eslint-disable-line no-bitwise
    else this.seen[slot >>> 5] |= bit; // eslint-disable-line no-bitwise
  }

  /** The positions, below `end`, whose name is the name at an earlier position, in increasing order. */
  public repeats(nameAt: (position: number) => unknown, end: number): number[] {
    if (this.maybe.length === 0) return [];
    // the first position of each name that may repeat: only the positions with one of their hashes can
    // hold one, and those have one of their slots (a bitmap of those slots spares most lookups)
    const hashes = new Set<number>();
    const wanted = new Int32Array(this.seen.length);
    for (const p of this.maybe) {
      const slot = this.hashes[p] >>> this.shift; // eslint-disable-line no-bitwise
      wanted[slot >>> 5] |= 1 << (slot & 31); // eslint-disable-line no-bitwise
      hashes.add(this.hashes[p]);
    }
    const first = new Map<unknown, number>();
    for (let p = 0; p < end; p++) {
      const hash = this.hashes[p];
      const slot = hash >>> this.shift; // eslint-disable-line no-bitwise
      if (hash === 0 || !(wanted[slot >>> 5] & (1 << (slot & 31))) || !hashes.has(hash)) continue; // eslint-disable-line no-bitwise
      const name = nameAt(p);
      if (!first.has(name)) first.set(name, p);
    }
    return this.maybe.filter(p => first.get(nameAt(p))! < p);
  }
}

/** A 32-bit FNV-1a hash of a string, never 0 (0 marks an empty slot). */
export function hashOf(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193); // eslint-disable-line no-bitwise
  return hash | 1; // eslint-disable-line no-bitwise
}

/**
 * The node types `nodesOfType` lists: the ones the rules look up (starts, ends, loops). Other types
 * are not listed, so that a large definition does not build lists of all its nodes.
 */
const LISTED = ['Input', 'Output', 'Loop', 'LoopInput', 'LoopController'] as const;
const LISTED_TYPES: ReadonlySet<string> = new Set(LISTED);
/** A node type that `nodesOfType` lists. */
export type ListedType = typeof LISTED[number];

/** How many nodes, or connections, a visitor gets at a time (see `ScopeVisitor.nodes`). */
export const BLOCK = 64;

/** The integers kept per node (`ValidationContext.nodeInts`), and where each one is. */
const NODE_INTS = 8;
const FIRST_IN = 0;
const LAST_IN = 1;
const FIRST_OUT = 2;
const LAST_OUT = 3;
/** a bit for each of the first 31 inputs connected */
const MASK = 4;
/** how many inputs are connected */
const CONNECTED = 5;
/** how many inputs the node has */
const INPUTS = 6;
/** 1 for the first node of a name */
const NAMED = 7;

/** The integers kept per connection (`ValidationContext.links`), and where each one is. */
const LINK = 6;
const SOURCE = 0;
const TARGET = 1;
const KIND = 2;
const INPUT = 3;
const NEXT_IN = 4;
const NEXT_OUT = 5;
/** Bits of a connection's `KIND`. */
const DATA = 1;
const CONDITIONAL = 2;
/** a `Data` connection whose target input is a string */
const TARGET_INPUT = 4;

/** How many names `ValidationContext.node` keeps. */
const RECENT = 4;

/** A list longer than this is looked up by a map instead of a search in order. */
const SHORT = 16;

/**
 * The first item of a name among the first `end` items. These lists are short (at most 20 in a
 * valid flow), so a search in order beats a hash map here and allocates nothing.
 */
function find<T extends { readonly name: string }>(list: readonly T[], name: unknown, end: number = list.length): T | undefined {
  for (let i = 0; i < end; i++) if (list[i].name === name) return list[i];
  return undefined;
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
