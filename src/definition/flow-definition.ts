import * as fs from 'fs';
import { collectNodes, graphRevision, renderNodes, renderWithNodes } from './graph';
import { renderMermaid } from './mermaid';
import { FlowDefinitionJson, FlowNodeJson } from './schema';
import type { FlowNode, IFlowChainable } from '../nodes/flow-node';
import { deriveFlowPermissions } from '../permissions';
import { FlowPermission, PermissionContext } from '../permissions/types';
import { isResolvableObject } from '../private/tokens';

/** Options for a definition given as JSON. */
export interface FlowDefinitionJsonOptions {
  /**
   * Values for `${name}` placeholders in the definition's strings, for example ARNs from this app:
   * `{ EnrichFunctionArn: fn.functionArn }`. A string that is exactly one placeholder takes the value
   * as it is (so numbers stay numbers); placeholders inside longer strings are replaced by the value's text.
   * Placeholders left without a value fail synth.
   * @default - no substitutions
   */
  readonly substitutions?: { [name: string]: any };
}

/**
 * The definition of a flow: built with the node builder, or given as JSON (a console export or
 * `GetFlow` output, API shape with camelCase keys).
 *
 * Whatever its source, a definition gets the same synth-time validation and the same IAM
 * permissions, derived from the definition's JSON.
 */
export abstract class FlowDefinition {
  /**
   * The flow made of the nodes connected to `chainable`'s first node. The definition is rendered
   * when the template is synthesized, so nodes connected after the `Flow` is created are included.
   */
  public static fromChainable(chainable: IFlowChainable): FlowDefinition {
    return new ChainableDefinition(chainable.startNode);
  }

  /**
   * A definition as JSON: `{ nodes, connections }`, or an exported flow with a `definition` member.
   */
  public static fromJson(definition: any, options: FlowDefinitionJsonOptions = {}): FlowDefinition {
    return new JsonDefinition(unwrap(definition, 'the JSON definition'), options);
  }

  /**
   * A definition read from a JSON file (read when this is called).
   * @param path the file's path, relative to the working directory
   */
  public static fromFile(path: string, options: FlowDefinitionJsonOptions = {}): FlowDefinition {
    let text: string;
    try {
      text = fs.readFileSync(path, 'utf-8');
    } catch (e) {
      throw new Error(`cannot read flow definition file '${path}': ${(e as Error).message}`);
    }
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch (e) {
      throw new Error(`flow definition file '${path}' is not valid JSON: ${(e as Error).message}`);
    }
    return new JsonDefinition(unwrap(parsed, `flow definition file '${path}'`), options);
  }

  /**
   * The definition as plain JSON (API shape, camelCase). Values from this app are tokens; the
   * builder's definition is rendered from its nodes as they are connected now.
   */
  public abstract toJson(): any;

  /**
   * The definition as plain JSON, like `toJson()`, but possibly the same object as an earlier call
   * returned when nothing changed since: callers must not modify it.
   * @internal
   */
  public _render(): any {
    return this.toJson();
  }

  /**
   * The definition as a Mermaid flowchart: nodes with their types, data connections labelled
   * `output → input`, conditional connections labelled with their condition.
   */
  public toMermaid(): string {
    return renderMermaid(this.toJson());
  }

  /**
   * The builder nodes of this definition (none for a JSON definition).
   * @internal
   */
  public abstract _nodes(): FlowNode[];

  /**
   * The builder nodes of this definition and the nodes nested in them (loop bodies).
   * @internal
   */
  public _allNodes(): FlowNode[] {
    const all: FlowNode[] = [];
    const visit = (nodes: FlowNode[]) => {
      for (const n of nodes) {
        all.push(n);
        visit(n._innerNodes());
      }
    };
    visit(this._nodes());
    return all;
  }

  /**
   * The permissions the flow's role needs: derived from the JSON, node by node (builder nodes may
   * add what the JSON does not tell, or narrow it).
   * @internal
   */
  public abstract _permissions(ctx: PermissionContext): FlowPermission[];
}

/** A rendering of a builder definition, valid while the graph revision is unchanged. */
interface Rendering {
  readonly revision: number;
  readonly json: FlowDefinitionJson;
  /** the JSON of every node, loop bodies included, as it is in `json` */
  readonly nodeJson: Map<FlowNode, FlowNodeJson>;
}

class ChainableDefinition extends FlowDefinition {
  /** the last rendering: the template, the validation and the permissions share one rendering of each node */
  private rendering?: Rendering;
  /** the last result of `_allNodes`, and the graph revision it is valid for */
  private allNodes?: { readonly revision: number; readonly nodes: FlowNode[] };

  constructor(private readonly start: FlowNode) {
    super();
  }

  public toJson(): FlowDefinitionJson {
    return renderNodes(this._nodes());
  }

  public _render(): FlowDefinitionJson {
    return this.current().json;
  }

  public _nodes(): FlowNode[] {
    return collectNodes(this.start);
  }

  public _allNodes(): FlowNode[] {
    const revision = graphRevision();
    if (this.allNodes?.revision !== revision) this.allNodes = { revision, nodes: super._allNodes() };
    return [...this.allNodes.nodes];
  }

  public _permissions(ctx: PermissionContext): FlowPermission[] {
    const { nodeJson } = this.current();
    return this._allNodes().flatMap(n => n._permissions(ctx, nodeJson.get(n)));
  }

  /** The rendering of the graph as it is now: the last one, unless a node changed since. */
  private current(): Rendering {
    const revision = graphRevision();
    if (this.rendering?.revision !== revision) {
      const { result, nodes } = renderWithNodes(() => renderNodes(this._nodes()));
      this.rendering = { revision, json: result, nodeJson: nodes };
    }
    return this.rendering;
  }
}

class JsonDefinition extends FlowDefinition {
  constructor(private readonly definition: FlowDefinitionJson, private readonly options: FlowDefinitionJsonOptions) {
    super();
  }

  public toJson(): FlowDefinitionJson {
    return substitute(this.definition, this.options.substitutions ?? {});
  }

  public _nodes(): FlowNode[] {
    return [];
  }

  public _permissions(ctx: PermissionContext): FlowPermission[] {
    return deriveFlowPermissions(this.toJson(), ctx);
  }
}

function unwrap(definition: any, what: string): FlowDefinitionJson {
  if (definition === null || typeof definition !== 'object' || Array.isArray(definition)) {
    throw new Error(`${what} must be a JSON object with 'nodes' and 'connections'`);
  }
  // an exported flow (GetFlow / console export) wraps the definition
  if (!('nodes' in definition) && definition.definition && typeof definition.definition === 'object') {
    return definition.definition;
  }
  return definition;
}

const PLACEHOLDER = /\$\{([a-zA-Z0-9]+)\}/g;

function substitute(value: any, substitutions: { [name: string]: any }): any {
  if (typeof value === 'string') {
    const whole = /^\$\{([a-zA-Z0-9]+)\}$/.exec(value);
    if (whole && whole[1] in substitutions) return substitutions[whole[1]];
    return value.replace(PLACEHOLDER, (match, name: string) => name in substitutions ? String(substitutions[name]) : match);
  }
  if (Array.isArray(value)) return value.map(v => substitute(v, substitutions));
  // a token object (Lazy.any, a reference) stays as it is: a copy would lose what makes it a token
  if (value !== null && typeof value === 'object' && !isResolvableObject(value)) {
    const out: any = {};
    for (const [k, v] of Object.entries(value)) out[k] = substitute(v, substitutions);
    return out;
  }
  return value;
}
