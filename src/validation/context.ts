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
   * is not yet a node is checked once every node is); the nodes' `incoming` and `outgoing` lists
   * hold the connections up to this one, and a few after it (of the same block): compare `index`
   * to tell them apart.
   */
  connection?(connection: ConnectionEntry, ctx: ValidationContext, report: Report): void;
  /** Checks the scope as a whole, once it is indexed. */
  scope?(ctx: ValidationContext, report: Report): void;
}

/** What is called as the nodes and connections of a scope are indexed. */
export interface ScopeVisitor {
  /**
   * Called with each block of nodes just indexed, `nodes[from]` to `nodes[to - 1]` (at most
   * `BLOCK` of them): a block is small enough to stay in the CPU caches while every rule checks it
   * in turn, and each rule's code runs for the whole block.
   */
  nodes(nodes: readonly NodeEntry[], from: number, to: number, ctx: ValidationContext): void;
  /**
   * Called with each block of connections just indexed, as `nodes` is with nodes. Connections are
   * indexed in definition order, each as soon as the nodes it joins are (between blocks of nodes),
   * and the rest once every node is.
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
const NO_CONNECTIONS: readonly ConnectionEntry[] = [];
const NO_GROUPS: readonly ConnectionEntry[][] = [];
const CONFIGURATION_KEYS: ReadonlyMap<string, string> = new Map(NODE_TYPES.map(type => [type, configurationKey(type)]));

/**
 * A node of the scope with what the rules share about it, worked out once: its ports, its inputs,
 * outputs and conditions by name, and the connections that arrive at it and leave it.
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
  private connectedInputs = 0;
  private connectedMask = 0;
  /** Positions by name in lists too long to search in order (no valid flow has one). */
  private longLists?: { [list in 'inputs' | 'outputs' | 'conditions']?: Map<string, number> } & { connected?: Set<number> };
  /** The connections of the scope whose target is this node (only for the first node of a name). */
  public incoming: readonly ConnectionEntry[] = NO_CONNECTIONS;
  /** The connections of the scope whose source is this node (only for the first node of a name). */
  public outgoing: readonly ConnectionEntry[] = NO_CONNECTIONS;

  constructor(
    /** The node as written. */
    public readonly node: FlowNodeJson,
    /** The node's position among the scope's nodes that are objects (an index for per-node arrays). */
    public readonly index: number,
    isNamed: boolean,
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
    this.longLists ??= {};
    let positions = this.longLists[list];
    if (!positions) {
      positions = new Map(this[list].map((item, i) => [item.name, i]));
      this.longLists[list] = positions;
    }
    return positions;
  }

  /**
   * The inputs no data connection goes into, once the scope is indexed. Without a search when every
   * input is connected (inputs are counted as connections arrive).
   */
  public unconnectedInputs(): readonly FlowNodeInputJson[] {
    if (this.connectedInputs === this.inputs.length) return NONE;
    const connected = new Set(this.incoming.map(c => c.input));
    return this.inputs.filter(input => !connected.has(input));
  }

  /** Counts a data connection into one of the inputs (the first one into each input); the context calls this as it indexes. */
  public connect(input: FlowNodeInputJson): void {
    const i = this.position('inputs', input.name);
    if (i < 31) { // a bit for each of the first 31 inputs (a valid node has at most 20): no allocation per node
      const bit = 1 << i; // eslint-disable-line no-bitwise
      if (this.connectedMask & bit) return; // eslint-disable-line no-bitwise
      this.connectedMask += bit;
    } else {
      const beyond = (this.longLists ??= {}).connected ??= new Set();
      if (beyond.has(i)) return;
      beyond.add(i);
    }
    this.connectedInputs++;
  }

  /**
   * The inputs fed by more than one data connection: one list per input, with its connections in
   * definition order. The common case (no node with two data connections in) allocates nothing.
   */
  public inputsWithSeveralConnections(): readonly ConnectionEntry[][] {
    let data = 0;
    for (const c of this.incoming) if (c.targetInput !== undefined) data++;
    if (data < 2) return NO_GROUPS;
    const byInput = new Map<string, ConnectionEntry[]>();
    for (const c of this.incoming) {
      if (c.targetInput === undefined) continue;
      const list = byInput.get(c.targetInput);
      if (list) list.push(c);
      else byInput.set(c.targetInput, [c]);
    }
    return [...byInput.values()].filter(list => list.length > 1);
  }
}

/** A connection of the scope, with the nodes it joins. */
export class ConnectionEntry {
  /** The connection's name; undefined when it is not a string. */
  public readonly name: string | undefined;
  /** Whether this is the first connection of its name. */
  public readonly isNamed: boolean;
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
    isNamed: boolean,
  ) {
    this.name = typeof connection.name === 'string' ? connection.name : undefined;
    this.isNamed = isNamed;
    this.type = connection.type === 'Data' || connection.type === 'Conditional' ? connection.type : undefined;
    this.source = source;
    this.target = target;
    const data = this.type === 'Data' ? connection.configuration?.data : undefined;
    this.sourceOutput = typeof data?.sourceOutput === 'string' ? data.sourceOutput : undefined;
    this.targetInput = typeof data?.targetInput === 'string' ? data.targetInput : undefined;
    const condition = this.type === 'Conditional' ? connection.configuration?.conditional?.condition : undefined;
    this.condition = typeof condition === 'string' ? condition : undefined;
    this.output = this.sourceOutput !== undefined ? this.source?.output(this.sourceOutput) : undefined;
    this.input = this.targetInput !== undefined ? this.target?.input(this.targetInput) : undefined;
  }
}

/**
 * One definition scope (the top-level definition, or a Loop node's body) with the entries and
 * indexes the rules share, built once in linear time. Malformed entries (not objects, missing
 * names) are skipped here and reported by the schema rules.
 */
export class ValidationContext {
  /** The nodes of this scope that are objects, in definition order. */
  public readonly nodes: NodeEntry[] = [];
  /** The connections of this scope that are objects, in definition order. */
  public readonly connections: ConnectionEntry[] = [];
  /** The connections of this scope that are `Conditional`, in definition order. */
  public readonly conditionalConnections: ConnectionEntry[] = [];
  /** The position of the first node of each name among `nodes`. */
  private readonly nodeNames: NameTable;
  private readonly nodesByType = new Map<string, NodeEntry[]>();
  /** The position of the first connection of each name among `connections`. */
  private readonly connectionNames: NameTable;
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
    const nodes: unknown = definition?.nodes;
    const connections: unknown = definition?.connections;
    const connectionList: readonly FlowConnectionJson[] = Array.isArray(connections) ? connections : NONE;
    this.nodeNames = new NameTable(Array.isArray(nodes) ? nodes.length : 0, i => this.nodes[i].name);
    this.connectionNames = new NameTable(connectionList.length, i => this.connections[i].name);
    let next = 0; // the next connection to index
    if (Array.isArray(nodes)) {
      for (let i = 0; i < nodes.length; i++) {
        const node: FlowNodeJson = nodes[i];
        if (!isEntry(node)) continue;
        const first = typeof node.name === 'string' && this.nodeNames.add(node.name, this.nodes.length);
        const entry = new NodeEntry(node, this.nodes.length, first);
        this.nodes.push(entry);
        if (entry.type !== undefined && LISTED_TYPES.has(entry.type)) push(this.nodesByType, entry.type, entry);
        if (this.nodes.length % BLOCK === 0) {
          visitor?.nodes(this.nodes, this.nodes.length - BLOCK, this.nodes.length, this);
          next = this.indexConnections(connectionList, next, false, visitor);
        }
      }
      const rest = this.nodes.length % BLOCK;
      if (rest > 0) visitor?.nodes(this.nodes, this.nodes.length - rest, this.nodes.length, this);
    }
    this.indexConnections(connectionList, next, true, visitor);
    const rest = this.connections.length % BLOCK;
    if (rest > 0) visitor?.connections(this.connections, this.connections.length - rest, this.connections.length, this);
  }

  /**
   * Indexes the connections from `list[from]` on, in definition order, and visits each full block;
   * returns where it stopped. Unless `all`, it stops at the first connection that does not join two
   * nodes already indexed (the nodes after it may hold its ends).
   */
  private indexConnections(list: readonly FlowConnectionJson[], from: number, all: boolean, visitor: ScopeVisitor | undefined): number {
    for (let i = from; i < list.length; i++) {
      const connection = list[i];
      if (!isEntry(connection)) continue;
      const source = this.node(connection.source);
      const target = this.node(connection.target);
      if (!all && (source === undefined || target === undefined)) return i;
      const first = typeof connection.name === 'string' && this.connectionNames.add(connection.name, this.connections.length);
      const entry = new ConnectionEntry(connection, this.connections.length, source, target, first);
      this.connections.push(entry);
      if (entry.type === 'Conditional') this.conditionalConnections.push(entry);
      if (entry.input) target!.connect(entry.input);
      if (source) source.outgoing = append(source.outgoing, entry);
      if (target) target.incoming = append(target.incoming, entry);
      const indexed = this.connections.length;
      if (indexed % BLOCK === 0) visitor?.connections(this.connections, indexed - BLOCK, indexed, this);
    }
    return list.length;
  }

  /**
   * The first node of a name; undefined when there is none. Connections mostly name the nodes of
   * the connections just before them (a node's connections come together), so the last names
   * looked up are kept: on a large definition, each lookup in the table is a wait for memory.
   */
  public node(name: unknown): NodeEntry | undefined {
    if (typeof name !== 'string') return undefined;
    const recent = this.recent;
    for (let i = 0; i < RECENT; i++) if (recent[i] === name) return this.recentEntries[i];
    const position = this.nodeNames.find(name);
    const entry = position >= 0 ? this.nodes[position] : undefined;
    if (entry) {
      recent[this.nextRecent] = name;
      this.recentEntries[this.nextRecent] = entry;
      this.nextRecent = (this.nextRecent + 1) % RECENT;
    }
    return entry;
  }

  /** Whether this scope is a Loop node's body. */
  public get isLoopBody(): boolean {
    return this.loopNode !== undefined;
  }

  /** The nodes of this scope of one type. */
  public nodesOfType(type: ListedType): readonly NodeEntry[] {
    return this.nodesByType.get(type) ?? [];
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
 * Positions by name: a table of the names' hashes and positions, sized once for all the names it
 * will hold, so that adding a name never reads the names added before it (a `Map` or `Set` of
 * strings reads every name again each time it grows, and on a large definition each read is a wait
 * for memory). A name is compared with the name at a position only when their hashes are equal.
 */
export class NameTable {
  /** `[hash, position + 1]` pairs; a hash of 0 marks an empty slot */
  private readonly slots: Int32Array;
  private readonly mask: number;

  constructor(
    /** How many names it will hold at most. */
    size: number,
    /** The name at a position added. */
    private readonly nameAt: (position: number) => unknown,
  ) {
    let slots = 16;
    while (slots < 2 * size) slots *= 2;
    this.slots = new Int32Array(2 * slots);
    this.mask = slots - 1;
  }

  /** Adds a name at a position; false (and nothing added) when the table has the name already. */
  public add(name: string, position: number): boolean {
    const hash = hashOf(name);
    const slot = this.slotOf(name, hash);
    if (this.slots[slot] !== 0) return false;
    this.slots[slot] = hash;
    this.slots[slot + 1] = position + 1;
    return true;
  }

  /** The position of a name; -1 when the table does not have it. */
  public find(name: string): number {
    return this.slots[this.slotOf(name, hashOf(name)) + 1] - 1;
  }

  /** Where a name is in `slots`, or else the empty slot where it goes (linear probing). */
  private slotOf(name: string, hash: number): number {
    const { slots, mask } = this;
    for (let i = hash & mask; ; i = (i + 1) & mask) { // eslint-disable-line no-bitwise
      const found = slots[2 * i];
      if (found === 0 || (found === hash && this.nameAt(slots[2 * i + 1] - 1) === name)) return 2 * i;
    }
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

/**
 * A node's list of connections with one more. Most nodes have a few connections: those lists are
 * copied at their exact size, as growing one in place reserves room for 16 more, which on a large
 * definition would more than double the memory the lists take.
 */
function append(list: readonly ConnectionEntry[], entry: ConnectionEntry): readonly ConnectionEntry[] {
  switch (list.length) { // array literals are allocated at their size
    case 0: return [entry];
    case 1: return [list[0], entry];
    case 2: return [list[0], list[1], entry];
    case 3: return [list[0], list[1], list[2], entry];
    default:
      (list as ConnectionEntry[]).push(entry);
      return list;
  }
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
