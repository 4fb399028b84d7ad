/*
 * Turns a plain JSON definition into indexed scopes the engine runs without searching: parsed
 * input and condition expressions (the same parsers validation uses), each input's data source,
 * each output's targets, each condition's activated nodes. Built once per simulator.
 */
import { ConditionAst, parseConditionExpression } from '../../definition/expressions/condition-expression';
import { parseInputExpression, ParsedInputExpression } from '../../definition/expressions/input-expression';
import { configurationKey, FlowConnectionJson, FlowDefinitionJson, FlowNodeJson } from '../../definition/schema';
import { TEMPLATE_VARIABLE } from '../../definition/template';
import { FlowSimulationError } from '../errors';

/** A node input with its parsed expression and its data source. */
export interface CompiledInput {
  readonly name: string;
  readonly type: string;
  readonly expression: string;
  readonly parsed: ParsedInputExpression;
  readonly category?: string;
  /** Position in the node's inputs. */
  readonly index: number;
  /** The output that feeds this input (set while compiling connections). */
  source?: { readonly node: string; readonly output: string };
}

/** A node input an output is delivered to. */
export interface CompiledTarget {
  readonly node: CompiledNode;
  readonly input: CompiledInput;
}

/** A node output with the inputs it feeds. */
export interface CompiledOutput {
  readonly name: string;
  readonly type: string;
  readonly targets: CompiledTarget[];
  /** `next` of the output trace. */
  readonly next: { nodeName: string; inputFieldName: string }[];
}

/** A condition of a Condition node with the nodes its branch activates. */
export interface CompiledCondition {
  readonly name: string;
  readonly expression?: string;
  readonly ast?: ConditionAst;
  readonly targets: CompiledNode[];
}

/** One piece of an inline TEXT template: literal text, or a variable. */
export type TemplatePart = { readonly text: string } | { readonly variable: string };

/** A node, indexed. */
export class CompiledNode {
  public readonly name: string;
  public readonly type: string;
  public readonly configuration: { readonly [key: string]: any };
  public readonly inputs: CompiledInput[] = [];
  public readonly inputByName = new Map<string, CompiledInput>();
  public readonly outputs: CompiledOutput[] = [];
  public readonly outputByName = new Map<string, CompiledOutput>();
  /** Whether the node is the target of conditional connections (then it must be activated to run). */
  public conditional = false;
  /** Condition node: its conditions in order. */
  public readonly conditions: CompiledCondition[] = [];
  /** LoopController: the parsed continue condition. */
  public continueCondition?: { readonly name: string; readonly expression?: string; readonly ast?: ConditionAst };
  /** Loop: the body. */
  public body?: CompiledScope;
  /** Prompt with an inline TEXT template: the template split into text and variables. */
  public template?: TemplatePart[];
  /** Iterator: the Collectors whose `arraySize` comes straight from this Iterator's `arraySize`. */
  public readonly pairedCollectors: CompiledNode[] = [];

  constructor(public readonly json: FlowNodeJson, public readonly index: number) {
    this.name = json.name;
    this.type = json.type;
    const configuration = json.configuration?.[configurationKey(json.type)];
    this.configuration = configuration !== null && typeof configuration === 'object' ? configuration : {};
  }

  /** `node 'X' (Type)`, for messages. */
  public get label(): string {
    return `${this.type} node '${this.name}'`;
  }
}

/** One definition scope: the flow, or a Loop node's body. */
export class CompiledScope {
  public readonly nodes: CompiledNode[] = [];
  public readonly byName = new Map<string, CompiledNode>();
  /** The Input node (flow) or LoopInput node (loop body). */
  public readonly start: CompiledNode;
  /** The LoopController node of a loop body. */
  public readonly controller?: CompiledNode;

  constructor(definition: FlowDefinitionJson, public readonly loopNode?: CompiledNode) {
    const where = loopNode ? `the body of Loop node '${loopNode.name}'` : 'the flow';
    (definition.nodes ?? []).forEach((json, i) => {
      if (this.byName.has(json.name)) throw new FlowSimulationError(`${where} has two nodes named '${json.name}'`);
      const node = compileNode(json, i);
      this.nodes.push(node);
      this.byName.set(node.name, node);
    });
    const startType = loopNode ? 'LoopInput' : 'Input';
    const start = this.nodes.find(n => n.type === startType);
    if (!start) throw new FlowSimulationError(`${where} has no ${startType} node, so there is nowhere to start`);
    this.start = start;
    this.controller = this.nodes.find(n => n.type === 'LoopController');
    if (loopNode && !this.controller) {
      throw new FlowSimulationError(`${where} has no LoopController node, so the loop cannot decide whether to continue`);
    }
    for (const c of definition.connections ?? []) this.connect(c, where);
    for (const node of this.nodes) {
      if (node.type !== 'Collector') continue;
      const source = node.inputByName.get('arraySize')?.source;
      const iterator = source && this.byName.get(source.node);
      if (iterator?.type === 'Iterator' && source!.output === 'arraySize') iterator.pairedCollectors.push(node);
    }
  }

  private connect(c: FlowConnectionJson, where: string): void {
    const source = this.byName.get(c.source);
    const target = this.byName.get(c.target);
    if (!source || !target) {
      throw new FlowSimulationError(`connection '${c.name}' of ${where} joins unknown node '${!source ? c.source : c.target}'`);
    }
    if (c.type === 'Conditional') {
      const name = c.configuration?.conditional?.condition;
      const condition = source.conditions.find(x => x.name === name);
      if (!condition) {
        throw new FlowSimulationError(`conditional connection '${c.name}' names condition '${name}', which ${source.label} does not have`);
      }
      condition.targets.push(target);
      target.conditional = true;
      return;
    }
    const data = c.configuration?.data;
    const output = data && source.outputByName.get(data.sourceOutput);
    const input = data && target.inputByName.get(data.targetInput);
    if (!output || !input) {
      throw new FlowSimulationError(`data connection '${c.name}' joins ${source.label} output '${data?.sourceOutput}' to `
        + `${target.label} input '${data?.targetInput}', and one of them does not exist`);
    }
    if (input.source) return; // MultipleNodeInputConnections: validation reports it; the first connection wins
    input.source = { node: source.name, output: output.name };
    output.targets.push({ node: target, input });
    output.next.push({ nodeName: target.name, inputFieldName: input.name });
  }
}

function compileNode(json: FlowNodeJson, index: number): CompiledNode {
  const node = new CompiledNode(json, index);
  for (const input of json.inputs ?? []) {
    const parsed = parseInputExpression(input.expression);
    if (!parsed.ok) {
      throw new FlowSimulationError(`input '${input.name}' of ${node.label} has a malformed expression '${input.expression}': ${parsed.cause}`,
        { nodeName: node.name, nodeType: node.type });
    }
    const compiled: CompiledInput = {
      name: input.name,
      type: input.type,
      expression: input.expression,
      parsed: parsed.expression,
      category: input.category,
      index: node.inputs.length,
    };
    node.inputs.push(compiled);
    node.inputByName.set(input.name, compiled);
  }
  for (const output of json.outputs ?? []) {
    const compiled: CompiledOutput = { name: output.name, type: output.type, targets: [], next: [] };
    node.outputs.push(compiled);
    node.outputByName.set(output.name, compiled);
  }
  const c = node.configuration;
  switch (node.type) {
    case 'Condition':
      for (const condition of Array.isArray(c.conditions) ? c.conditions : []) {
        node.conditions.push({ name: condition.name, expression: condition.expression, ast: parseCondition(node, condition), targets: [] });
      }
      break;
    case 'LoopController': {
      const condition = c.continueCondition ?? {};
      node.continueCondition = { name: condition.name, expression: condition.expression, ast: parseCondition(node, condition) };
      break;
    }
    case 'Loop':
      node.body = new CompiledScope(c.definition ?? {}, node);
      break;
    case 'Prompt': {
      const text = c.sourceConfiguration?.inline?.templateConfiguration?.text?.text;
      if (typeof text === 'string') node.template = splitTemplate(text);
      break;
    }
  }
  return node;
}

function parseCondition(node: CompiledNode, condition: { name?: string; expression?: string }): ConditionAst | undefined {
  if (condition.expression === undefined) return undefined;
  const parsed = parseConditionExpression(condition.expression);
  if (!parsed.ok) {
    throw new FlowSimulationError(`condition '${condition.name}' of ${node.label} is malformed (${condition.expression}): ${parsed.cause}`,
      { nodeName: node.name, nodeType: node.type });
  }
  return parsed.ast;
}

/** Splits a template into literal text and `{{variable}}` parts. */
export function splitTemplate(text: string): TemplatePart[] {
  const parts: TemplatePart[] = [];
  let last = 0;
  for (const m of text.matchAll(TEMPLATE_VARIABLE)) {
    if (m.index! > last) parts.push({ text: text.slice(last, m.index) });
    parts.push({ variable: m[1] });
    last = m.index! + m[0].length;
  }
  if (last < text.length) parts.push({ text: text.slice(last) });
  return parts;
}
