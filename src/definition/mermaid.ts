import { FlowConnectionJson, FlowDefinitionJson, FlowNodeJson } from './schema';

/** Options of `renderMermaid`. */
export interface MermaidOptions {
  /**
   * The direction of the flowchart: `TD` (top down), `LR` (left to right), `BT` or `RL`.
   * @default 'TD'
   */
  readonly direction?: string;
}

/** The opening and closing brackets of each node type's shape. */
const SHAPES: { readonly [nodeType: string]: readonly [string, string] } = {
  Input: ['([', '])'], // stadium: where the flow starts
  Output: ['>', ']'], // flag: where a branch ends
  Condition: ['{', '}'], // rhombus: a decision
  Prompt: ['(', ')'], // rounded
  KnowledgeBase: ['[(', ')]'], // cylinder: a data store
  Storage: ['[(', ')]'],
  Retrieval: ['[(', ')]'],
  LambdaFunction: ['[[', ']]'], // subroutine: calls out
  Agent: ['[[', ']]'],
  Lex: ['[[', ']]'],
  InlineCode: ['[[', ']]'],
  Iterator: ['[/', '\\]'], // trapezoids: splits and gathers an array
  Collector: ['[\\', '/]'],
  LoopInput: ['[/', '/]'], // parallelogram: where an iteration starts
  LoopController: ['{{', '}}'], // hexagon: decides whether to loop again
};
const DEFAULT_SHAPE: readonly [string, string] = ['[', ']'];

/**
 * A Mermaid flowchart of a plain JSON flow definition (API shape), for READMEs and reviews:
 * - each node is labelled with its name and type, with a shape per kind of node (Input a stadium,
 *   Output a flag, Condition a rhombus, LoopController a hexagon, data stores a cylinder, ...);
 * - data connections are solid arrows labelled `output → input`;
 * - conditional connections are dashed arrows labelled with the condition (and its expression);
 * - a Loop node is a subgraph holding its body, with a dashed arrow from the LoopController back to
 *   the LoopInput labelled with the continue condition.
 *
 * Node ids are made safe for Mermaid, and labels are escaped, so any definition renders, even an
 * invalid one (connections to unknown nodes show those as plain boxes).
 */
export function renderMermaid(definition: FlowDefinitionJson, options: MermaidOptions = {}): string {
  const direction = options.direction ?? 'TD';
  if (!['TD', 'TB', 'LR', 'BT', 'RL'].includes(direction)) {
    throw new Error(`direction '${direction}' is not a Mermaid flowchart direction: use TD, LR, BT or RL`);
  }
  const lines = [`flowchart ${direction}`];
  const ids = new IdAllocator();
  renderScope(definition, '', '  ', lines, ids, new Set());
  return lines.join('\n');
}

/** Renders the nodes and connections of one definition scope, with `prefix` making ids unique across scopes. */
function renderScope(definition: FlowDefinitionJson, prefix: string, indent: string, lines: string[], ids: IdAllocator, seen: Set<unknown>): void {
  if (seen.has(definition)) return; // a definition object that holds itself
  seen.add(definition);
  const nodes = list<FlowNodeJson>(definition?.nodes);
  const connections = list<FlowConnectionJson>(definition?.connections);
  const local = new Map<string, string>();
  const idOf = (name: unknown): string => {
    const key = String(name);
    let id = local.get(key);
    if (!id) {
      id = ids.allocate(`${prefix}${key}`);
      local.set(key, id);
    }
    return id;
  };
  const conditionsByNode = new Map<string, Map<string, string | undefined>>();

  for (const node of nodes) {
    const id = idOf(node.name);
    const label = `${escape(String(node.name))}<br/><i>${escape(String(node.type))}</i>`;
    if (node.type === 'Loop') {
      lines.push(`${indent}subgraph ${id} ["${label}"]`);
      lines.push(`${indent}  direction TB`);
      const body = node.configuration?.loop?.definition;
      if (body && typeof body === 'object') renderScope(body, `${prefix}${String(node.name)}__`, `${indent}  `, lines, ids, seen);
      lines.push(`${indent}end`);
      continue;
    }
    const [open, close] = SHAPES[node.type] ?? DEFAULT_SHAPE;
    lines.push(`${indent}${id}${open}"${label}"${close}`);
    if (node.type === 'Condition') {
      const conditions = new Map<string, string | undefined>();
      for (const c of list<{ name: string; expression?: string }>(node.configuration?.condition?.conditions)) {
        conditions.set(String(c.name), typeof c.expression === 'string' ? c.expression : undefined);
      }
      conditionsByNode.set(String(node.name), conditions);
    }
  }

  for (const c of connections) {
    const source = idOf(c.source);
    const target = idOf(c.target);
    if (c.type === 'Conditional') {
      const condition = c.configuration?.conditional?.condition;
      const expression = typeof condition === 'string' ? conditionsByNode.get(String(c.source))?.get(condition) : undefined;
      const text = condition === undefined ? 'condition' : expression ? `${condition}: ${expression}` : String(condition);
      lines.push(`${indent}${source} -.->|"${escape(text)}"| ${target}`);
    } else {
      const data = c.configuration?.data;
      const text = data ? `${data.sourceOutput} → ${data.targetInput}` : undefined;
      lines.push(text ? `${indent}${source} -->|"${escape(text)}"| ${target}` : `${indent}${source} --> ${target}`);
    }
  }

  // the loop goes round: from the controller back to where an iteration starts
  const start = nodes.find(n => n.type === 'LoopInput');
  const controller = nodes.find(n => n.type === 'LoopController');
  const condition = controller?.configuration?.loopController?.continueCondition;
  if (start && controller) {
    const text = condition?.name !== undefined
      ? `${condition.name}${typeof condition.expression === 'string' ? `: ${condition.expression}` : ''}`
      : 'next iteration';
    lines.push(`${indent}${idOf(controller.name)} -.->|"${escape(text)}"| ${idOf(start.name)}`);
  }
}

/** Mermaid-safe, unique node ids: letters, digits and underscores, prefixed so they never clash with keywords. */
class IdAllocator {
  private readonly used = new Set<string>();

  public allocate(wanted: string): string {
    const base = `n_${wanted.replace(/[^A-Za-z0-9_]/g, '_')}`;
    let id = base;
    for (let i = 2; this.used.has(id); i++) id = `${base}_${i}`;
    this.used.add(id);
    return id;
  }
}

/** Escapes text for a quoted Mermaid label. */
function escape(text: string): string {
  return text
    .replace(/#/g, '#35;')
    .replace(/"/g, '#quot;')
    .replace(/</g, '#lt;')
    .replace(/>/g, '#gt;')
    .replace(/\|/g, '#124;')
    .replace(/\r?\n/g, ' ');
}

function list<T>(value: unknown): T[] {
  return Array.isArray(value) ? value.filter(x => x !== null && typeof x === 'object') : [];
}
