/*
 * The inputs and outputs each node type has (flows-spec §1.6): fixed names and types where the
 * node type fixes them, or free names. One table, read by the port rules (UnknownNodeInput,
 * MissingNodeInput, MismatchedNodeInputType, and their output counterparts).
 */
import { FlowNodeJson } from '../definition/schema';
import { isUnresolved } from '../private/tokens';

/** One of the five data types. */
export type PortDataType = 'String' | 'Number' | 'Boolean' | 'Object' | 'Array';

/** An input or output that the node type fixes. */
export interface FixedPort {
  readonly name: string;
  /** The type the port must be declared with; undefined when any type is accepted. */
  readonly type?: PortDataType;
  /** Whether the node may leave the port out. */
  readonly optional?: boolean;
  /**
   * Whether the AWS documentation disagrees about the type (the table keeps the stricter one);
   * a mismatch is then reported as a warning.
   */
  readonly typeDisputed?: boolean;
}

/** What a node type's inputs or outputs are. */
export type PortList =
  /** exactly these names (an empty list: the node type has none) */
  | { readonly kind: 'fixed'; readonly ports: readonly FixedPort[] }
  /** names the user chooses, of any type */
  | { readonly kind: 'free' };

/** The inputs and outputs of one node type. */
export interface NodePorts {
  readonly inputs: PortList;
  readonly outputs: PortList;
  /** Why the outputs are what they are, when it depends on the configuration (for messages). */
  readonly outputsReason?: string;
}

const fixed = (...ports: FixedPort[]): PortList => ({ kind: 'fixed', ports });
const FREE: PortList = { kind: 'free' };
const NONE: PortList = fixed();

/** The ports of each node type, except KnowledgeBase, whose outputs depend on `modelId` (see `nodePorts`). */
export const NODE_PORTS: { readonly [nodeType: string]: NodePorts } = {
  Input: { inputs: NONE, outputs: fixed({ name: 'document' }) },
  Output: { inputs: fixed({ name: 'document' }), outputs: NONE },
  Prompt: { inputs: FREE, outputs: fixed({ name: 'modelCompletion', type: 'String' }) },
  KnowledgeBase: {
    inputs: fixed({ name: 'retrievalQuery', type: 'String' }),
    outputs: fixed({ name: 'retrievalResults', type: 'Array' }),
  },
  Condition: { inputs: FREE, outputs: NONE },
  Lex: {
    inputs: fixed(
      { name: 'inputText', type: 'String' },
      { name: 'requestAttributes', type: 'Object', optional: true },
      { name: 'sessionAttributes', type: 'Object', optional: true },
    ),
    outputs: fixed({ name: 'predictedIntent', type: 'String' }),
  },
  LambdaFunction: { inputs: FREE, outputs: fixed({ name: 'functionResponse' }) },
  Storage: {
    inputs: fixed({ name: 'content' }, { name: 'objectKey', type: 'String' }),
    outputs: fixed({ name: 's3Uri', type: 'String' }),
  },
  Agent: {
    inputs: fixed(
      { name: 'agentInputText', type: 'String', typeDisputed: true },
      { name: 'promptAttributes', type: 'Object', optional: true },
      { name: 'sessionAttributes', type: 'Object', optional: true },
    ),
    outputs: fixed({ name: 'agentResponse', type: 'String' }),
  },
  Retrieval: {
    inputs: fixed({ name: 'objectKey', type: 'String' }),
    outputs: fixed({ name: 's3Content', type: 'String', typeDisputed: true }),
  },
  Iterator: {
    inputs: fixed({ name: 'array', type: 'Array' }),
    outputs: fixed({ name: 'arrayItem' }, { name: 'arraySize', type: 'Number' }),
  },
  Collector: {
    inputs: fixed({ name: 'arrayItem' }, { name: 'arraySize', type: 'Number' }),
    outputs: fixed({ name: 'collectedArray', type: 'Array' }),
  },
  InlineCode: { inputs: FREE, outputs: fixed({ name: 'response' }) },
  // a Loop's inputs are its body's LoopInput outputs; its outputs are the LoopController's ExitLoop inputs
  Loop: { inputs: FREE, outputs: FREE },
  LoopInput: { inputs: NONE, outputs: FREE },
  LoopController: { inputs: FREE, outputs: NONE },
};

const KB_GENERATE: NodePorts = {
  inputs: NODE_PORTS.KnowledgeBase.inputs,
  outputs: fixed({ name: 'outputText', type: 'String' }),
  outputsReason: 'it sets modelId, so it generates a response (RetrieveAndGenerate)',
};
const KB_RETRIEVE: NodePorts = {
  ...NODE_PORTS.KnowledgeBase,
  outputsReason: 'it has no modelId, so it returns the retrieved results (Retrieve)',
};

/**
 * The ports of a node, from its type (and, for a KnowledgeBase node, whether it sets `modelId`).
 * Undefined for a type that is not a node type (or not known at synth time).
 */
export function nodePorts(node: FlowNodeJson): NodePorts | undefined {
  if (typeof node.type !== 'string' || !Object.prototype.hasOwnProperty.call(NODE_PORTS, node.type)) return undefined;
  if (node.type === 'KnowledgeBase') {
    const modelId = node.configuration?.knowledgeBase?.modelId;
    return (typeof modelId === 'string' && modelId.length > 0) || isUnresolved(modelId) ? KB_GENERATE : KB_RETRIEVE;
  }
  return NODE_PORTS[node.type];
}

/** The fixed port of a list with the given name. */
export function fixedPort(list: PortList, name: string): FixedPort | undefined {
  return list.kind === 'fixed' ? list.ports.find(p => p.name === name) : undefined;
}

/** `a, b (optional)`, or `none`, for messages. */
export function describePorts(list: PortList): string {
  if (list.kind === 'free') return 'any names';
  if (list.ports.length === 0) return 'none';
  return list.ports.map(p => `${p.name}${p.type ? ` (${p.type})` : ''}${p.optional ? ' optional' : ''}`).join(', ');
}

/** `a String`, `an Object`, `any type`. */
export function article(type: string | undefined): string {
  if (type === undefined) return 'any type';
  return `${/^[AEIOU]/.test(type) ? 'an' : 'a'} ${type}`;
}
