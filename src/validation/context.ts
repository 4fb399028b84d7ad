import { FlowValidationOptions, FlowValidationSeverity } from './types';
import { FlowConnectionJson, FlowDefinitionJson, FlowNodeInputJson, FlowNodeJson, FlowNodeOutputJson } from '../definition/schema';
import { isUnresolved } from '../private/tokens';

/** A finding of one rule, before the rule's type and the scope are added. */
export interface RuleFinding {
  readonly message: string;
  readonly node?: string;
  readonly connection?: string;
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
  /** Connections leaving each node name. */
  public readonly outgoing = new Map<string, FlowConnectionJson[]>();
  /** Connections arriving at each node name. */
  public readonly incoming = new Map<string, FlowConnectionJson[]>();
  /** Data connections arriving at each `node\u0000input`. */
  public readonly dataInto = new Map<string, FlowConnectionJson[]>();

  private readonly inputCache = new Map<FlowNodeJson, Map<string, FlowNodeInputJson>>();
  private readonly outputCache = new Map<FlowNodeJson, Map<string, FlowNodeOutputJson>>();

  constructor(
    /** The definition of this scope. */
    public readonly definition: FlowDefinitionJson,
    /** The Loop node whose body this is; undefined for the top-level definition. */
    public readonly loopNode: FlowNodeJson | undefined,
    /** The validation options. */
    public readonly options: FlowValidationOptions,
  ) {
    this.nodes = objects(definition?.nodes) as FlowNodeJson[];
    this.connections = objects(definition?.connections) as FlowConnectionJson[];
    for (const node of this.nodes) {
      if (typeof node.name === 'string' && !this.nodeByName.has(node.name)) this.nodeByName.set(node.name, node);
    }
    for (const c of this.connections) {
      push(this.outgoing, c.source, c);
      push(this.incoming, c.target, c);
      const input = c.configuration?.data?.targetInput;
      if (c.type === 'Data' && typeof input === 'string') push(this.dataInto, `${c.target}\u0000${input}`, c);
    }
  }

  /** Whether this scope is a Loop node's body. */
  public get isLoopBody(): boolean {
    return this.loopNode !== undefined;
  }

  /** The inputs of a node that are objects with a name, by name (first of each name). */
  public inputsOf(node: FlowNodeJson): Map<string, FlowNodeInputJson> {
    let map = this.inputCache.get(node);
    if (!map) {
      map = byName(node.inputs) as Map<string, FlowNodeInputJson>;
      this.inputCache.set(node, map);
    }
    return map;
  }

  /** The outputs of a node that are objects with a name, by name (first of each name). */
  public outputsOf(node: FlowNodeJson): Map<string, FlowNodeOutputJson> {
    let map = this.outputCache.get(node);
    if (!map) {
      map = byName(node.outputs) as Map<string, FlowNodeOutputJson>;
      this.outputCache.set(node, map);
    }
    return map;
  }

  /** The data connections into one input of a node. */
  public dataConnectionsInto(node: string, input: string): FlowConnectionJson[] {
    return this.dataInto.get(`${node}\u0000${input}`) ?? [];
  }

  /** Whether a value is not known at synth time (a CDK token or a `${...}` placeholder). */
  public isUnresolved(value: unknown): boolean {
    return isUnresolved(value);
  }

  /** `the Loop node 'X' body` or `the flow`, for messages. */
  public get scopeLabel(): string {
    return this.loopNode ? `the body of Loop node '${this.loopNode.name}'` : 'the flow';
  }
}

function objects(list: unknown): object[] {
  return Array.isArray(list) ? list.filter(x => x !== null && typeof x === 'object' && !Array.isArray(x)) : [];
}

function byName(list: unknown): Map<string, { name: string }> {
  const map = new Map<string, { name: string }>();
  for (const item of objects(list) as { name: string }[]) {
    if (typeof item.name === 'string' && !map.has(item.name)) map.set(item.name, item);
  }
  return map;
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
