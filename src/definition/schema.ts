/*
 * The plain JSON shape of a flow definition, as the Bedrock API (CreateFlow, ValidateFlowDefinition)
 * and the console export use it: camelCase keys. This is the hub of the library: the builder renders
 * it; validation, permissions, hashing, diagrams and the simulator read it.
 *
 * These are TypeScript types only; the jsii API takes and returns definitions as `any`.
 * @see https://docs.aws.amazon.com/bedrock/latest/APIReference/API_agent_FlowDefinition.html
 */

/** A flow definition (API shape). */
export interface FlowDefinitionJson {
  readonly nodes?: FlowNodeJson[];
  readonly connections?: FlowConnectionJson[];
}

/** One node of a flow definition. */
export interface FlowNodeJson {
  readonly name: string;
  readonly type: string;
  readonly configuration?: { readonly [key: string]: any };
  readonly inputs?: FlowNodeInputJson[];
  readonly outputs?: FlowNodeOutputJson[];
}

/** A node input: where its value comes from is a connection; the expression narrows it. */
export interface FlowNodeInputJson {
  readonly name: string;
  readonly type: string;
  readonly expression: string;
  readonly category?: string;
}

/** A node output. */
export interface FlowNodeOutputJson {
  readonly name: string;
  readonly type: string;
}

/** A connection between two nodes. */
export interface FlowConnectionJson {
  readonly name: string;
  readonly type: string;
  readonly source: string;
  readonly target: string;
  readonly configuration?: {
    readonly data?: { readonly sourceOutput: string; readonly targetInput: string };
    readonly conditional?: { readonly condition: string };
  };
}

/** The 16 node types of the service, as they appear in `type`. */
export const NODE_TYPES = [
  'Input', 'Output', 'Prompt', 'KnowledgeBase', 'Condition', 'Lex', 'LambdaFunction', 'Agent',
  'Storage', 'Retrieval', 'Iterator', 'Collector', 'InlineCode', 'Loop', 'LoopInput', 'LoopController',
] as const;

/** The connection types. */
export const CONNECTION_TYPES = ['Data', 'Conditional'] as const;

/** The five data types of inputs and outputs. */
export const DATA_TYPES = ['String', 'Number', 'Boolean', 'Object', 'Array'] as const;

/** Input categories (only on LoopController inputs). */
export const INPUT_CATEGORIES = ['LoopCondition', 'ReturnValueToLoopStart', 'ExitLoop'] as const;

/** The `configuration` key of a node type: the type name in lower camel case. */
export function configurationKey(nodeType: string): string {
  return nodeType.charAt(0).toLowerCase() + nodeType.slice(1);
}
