import { FlowValidationOptions, FlowValidationSeverity } from './types';
import { ConditionParseResult, parseConditionExpression } from '../definition/expressions/condition-expression';
import { InputExpressionParseResult, parseInputExpression } from '../definition/expressions/input-expression';
import { FlowConnectionJson, FlowDefinitionJson, FlowNodeInputJson, FlowNodeJson, FlowNodeOutputJson } from '../definition/schema';
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

/** One validation rule: a pure check over one definition scope. */
export interface FlowValidationRule {
  /** The service's validation type, or the schema check's name. */
  readonly type: string;
  /** The severity of the rule's findings. */
  readonly severity: FlowValidationSeverity;
  /** Whether the rule is a size limit (skipped when `checkLimits` is false). */
  readonly isLimit?: boolean;
  /** Runs the rule. */
  check(ctx: ValidationContext): RuleFinding[];
}

/** A condition of a Condition node, or a LoopController's continue condition. */
export interface ConditionJson {
  readonly name: string;
  readonly expression?: string;
}

/**
 * One definition scope (the top-level definition, or a Loop node's body) with the indexes the rules
 * share, built once in linear time. Malformed entries (not objects, missing names) are skipped here
 * and reported by the schema rules.
 */
export class ValidationContext {
  /** The nodes of this scope that are objects. */
  public readonly nodes: FlowNodeJson[];
  /** The connections of this scope that are objects. */
  public readonly connections: FlowConnectionJson[];
  /** The first node of each name. */
  public readonly nodeByName = new Map<string, FlowNodeJson>();
  /** The nodes of each type. */
  public readonly nodesByType = new Map<string, FlowNodeJson[]>();
  /** Connections leaving each node name. */
  public readonly outgoing = new Map<string, FlowConnectionJson[]>();
  /** Connections arriving at each node name. */
  public readonly incoming = new Map<string, FlowConnectionJson[]>();
  /** Data connections arriving at each node name (all its inputs). */
  public readonly dataIntoNode = new Map<string, FlowConnectionJson[]>();

  private readonly inputCache = new Map<FlowNodeJson, ReadonlyMap<string, FlowNodeInputJson>>();
  private readonly outputCache = new Map<FlowNodeJson, ReadonlyMap<string, FlowNodeOutputJson>>();
  private readonly conditionCache = new Map<FlowNodeJson, ReadonlyMap<string, ConditionJson>>();
  private readonly inputExpressions = new Map<string, InputExpressionParseResult>();
  private readonly conditionExpressions = new Map<string, ConditionParseResult>();
  private innerNames?: Map<string, FlowNodeJson>;
  private crowded?: FlowConnectionJson[][];

  constructor(
    /** The definition of this scope. */
    public readonly definition: FlowDefinitionJson,
    /** The Loop node whose body this is; undefined for the top-level definition. */
    public readonly loopNode: FlowNodeJson | undefined,
    /** The validation options. */
    public readonly options: FlowValidationOptions,
    /** The scope that holds `loopNode`; undefined for the top-level definition. */
    public readonly parent?: ValidationContext,
  ) {
    this.nodes = objects(definition?.nodes) as FlowNodeJson[];
    this.connections = objects(definition?.connections) as FlowConnectionJson[];
    for (const node of this.nodes) {
      if (typeof node.name === 'string' && !this.nodeByName.has(node.name)) this.nodeByName.set(node.name, node);
      if (typeof node.type === 'string') push(this.nodesByType, node.type, node);
    }
    for (const c of this.connections) {
      push(this.outgoing, c.source, c);
      push(this.incoming, c.target, c);
      const input = c.configuration?.data?.targetInput;
      if (c.type === 'Data' && typeof input === 'string') push(this.dataIntoNode, c.target, c);
    }
  }

  /** Whether this scope is a Loop node's body. */
  public get isLoopBody(): boolean {
    return this.loopNode !== undefined;
  }

  /** The nodes of this scope of one type. */
  public nodesOfType(type: string): FlowNodeJson[] {
    return this.nodesByType.get(type) ?? [];
  }

  /** The inputs of a node that are objects with a name, by name (first of each name). */
  public inputsOf(node: FlowNodeJson): ReadonlyMap<string, FlowNodeInputJson> {
    return indexOnce(this.inputCache, node, () => node.inputs);
  }

  /** The outputs of a node that are objects with a name, by name (first of each name). */
  public outputsOf(node: FlowNodeJson): ReadonlyMap<string, FlowNodeOutputJson> {
    return indexOnce(this.outputCache, node, () => node.outputs);
  }

  /** The conditions of a Condition node that are objects with a name, by name (first of each name). */
  public conditionsOf(node: FlowNodeJson): ReadonlyMap<string, ConditionJson> {
    return indexOnce(this.conditionCache, node, () => node.configuration?.condition?.conditions);
  }

  /** The data connections into one input of a node. */
  public dataConnectionsInto(node: string, input: string): FlowConnectionJson[] {
    let found: FlowConnectionJson[] | undefined;
    for (const c of this.dataIntoNode.get(node) ?? NONE) {
      if (c.configuration!.data!.targetInput === input) (found ??= []).push(c);
    }
    return found ?? NONE;
  }

  /**
   * The inputs fed by more than one data connection: one list per input, with its connections in
   * definition order. Built from the per-node lists, so the common case (one connection per input)
   * costs no lookup.
   */
  public inputsWithSeveralConnections(): FlowConnectionJson[][] {
    if (!this.crowded) {
      this.crowded = [];
      for (const list of this.dataIntoNode.values()) {
        if (list.length < 2) continue;
        const byInput = new Map<string, FlowConnectionJson[]>();
        for (const c of list) push(byInput, c.configuration!.data!.targetInput, c);
        for (const group of byInput.values()) if (group.length > 1) this.crowded.push(group);
      }
    }
    return this.crowded;
  }

  /**
   * The names of the nodes in the bodies of this scope's Loop nodes (not deeper), each with its
   * Loop node. Computed once; every body is read by its own scope only.
   */
  public get innerNodeNames(): Map<string, FlowNodeJson> {
    if (!this.innerNames) {
      this.innerNames = new Map();
      for (const loop of this.nodesOfType('Loop')) {
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
      if (scope.nodeByName.has(name)) return { where: 'outside' };
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

const NONE: FlowConnectionJson[] = [];

function objects(list: unknown): object[] {
  return Array.isArray(list) ? list.filter(x => x !== null && typeof x === 'object' && !Array.isArray(x)) : [];
}

/**
 * The named entries of a node's list (inputs, outputs, conditions) by name, first of each name.
 * These lists are short (at most 20), so an array searched in order beats a hash map here and
 * allocates far less on large definitions.
 */
class NameIndex<T extends { readonly name: string }> implements ReadonlyMap<string, T> {
  private readonly items: T[] = [];

  constructor(list: unknown) {
    if (!Array.isArray(list)) return;
    for (const item of list) {
      if (item !== null && typeof item === 'object' && typeof item.name === 'string' && !this.has(item.name)) this.items.push(item);
    }
  }

  public get size(): number {
    return this.items.length;
  }

  public get(name: string): T | undefined {
    for (const item of this.items) if (item.name === name) return item;
    return undefined;
  }

  public has(name: string): boolean {
    return this.get(name) !== undefined;
  }

  public forEach(fn: (value: T, key: string, map: ReadonlyMap<string, T>) => void): void {
    for (const item of this.items) fn(item, item.name, this);
  }

  public *entries(): MapIterator<[string, T]> {
    for (const item of this.items) yield [item.name, item];
  }

  public *keys(): MapIterator<string> {
    for (const item of this.items) yield item.name;
  }

  public values(): MapIterator<T> {
    return this.items.values();
  }

  public [Symbol.iterator](): MapIterator<[string, T]> {
    return this.entries();
  }
}

/** The index by name of one of a node's lists, built on first use and kept in `cache`. */
function indexOnce<T extends { readonly name: string }>(
  cache: Map<FlowNodeJson, ReadonlyMap<string, T>>, node: FlowNodeJson, list: () => unknown,
): ReadonlyMap<string, T> {
  let index = cache.get(node);
  if (!index) {
    index = new NameIndex<T>(list());
    cache.set(node, index);
  }
  return index;
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
