import { FlowConnectionJson, FlowNodeJson } from '../../definition/schema';
import { isIntrinsic, isResolvableObject } from '../../private/tokens';
import { ConnectionEntry, FlowValidationRule, NodeEntry, Report, ValidationContext } from '../context';
import { caseInsensitiveMatch, isPlainObject, pathText } from '../helpers';
import { FlowValidationSeverity } from '../types';

/** The keys an object may have: a nested shape, a value (`true`), any object (`'any'`), a list of shapes, or a nested definition. */
type Shape = { readonly [key: string]: Shape | true | 'any' | 'definition' | readonly [Shape] };

const INFERENCE: Shape = { text: { maxTokens: true, stopSequences: true, temperature: true, topP: true } };
const GUARDRAIL: Shape = { guardrailIdentifier: true, guardrailVersion: true };
const S3_SERVICE: Shape = { serviceConfiguration: { s3: { bucketName: true } } };

/** The configuration member of each node type, as the AWS::Bedrock::Flow CloudFormation schema has it (camelCase). */
const CONFIGURATION_SHAPES: { readonly [key: string]: Shape } = {
  input: {},
  output: {},
  iterator: {},
  collector: {},
  loopInput: {},
  prompt: {
    guardrailConfiguration: GUARDRAIL,
    sourceConfiguration: {
      resource: { promptArn: true },
      inline: {
        inferenceConfiguration: INFERENCE,
        modelId: true,
        templateConfiguration: { text: { inputVariables: [{ name: true }], text: true } },
        templateType: true,
      },
    },
  },
  knowledgeBase: {
    guardrailConfiguration: GUARDRAIL,
    inferenceConfiguration: INFERENCE,
    knowledgeBaseId: true,
    modelId: true,
    numberOfResults: true,
    orchestrationConfiguration: {
      additionalModelRequestFields: 'any',
      inferenceConfig: INFERENCE,
      performanceConfig: { latency: true },
      promptTemplate: { textPromptTemplate: true },
    },
    promptTemplate: { textPromptTemplate: true },
    rerankingConfiguration: {
      type: true,
      bedrockRerankingConfiguration: {
        metadataConfiguration: {
          selectionMode: true,
          selectiveModeConfiguration: { fieldsToInclude: [{ fieldName: true }], fieldsToExclude: [{ fieldName: true }] },
        },
        modelConfiguration: { additionalModelRequestFields: 'any', modelArn: true },
        numberOfRerankedResults: true,
      },
    },
  },
  condition: { conditions: [{ name: true, expression: true }] },
  lex: { botAliasArn: true, localeId: true },
  lambdaFunction: { lambdaArn: true },
  agent: { agentAliasArn: true },
  storage: S3_SERVICE,
  retrieval: S3_SERVICE,
  inlineCode: { code: true, language: true },
  loop: { definition: 'definition' },
  loopController: { continueCondition: { name: true, expression: true }, maxIterations: true },
};

const NODE_SHAPE: Shape = {
  name: true,
  type: true,
  configuration: true, // checked per node type
  inputs: [{ name: true, type: true, expression: true, category: true }],
  outputs: [{ name: true, type: true }],
};
const CONNECTION_SHAPE: Shape = {
  name: true,
  type: true,
  source: true,
  target: true,
  configuration: { data: { sourceOutput: true, targetInput: true }, conditional: { condition: true } },
};

/** Any value: a value key, an object of any keys, or a nested definition (checked as its own scope). */
const VALUE = 'value';

const CONFIGURATIONS = compile(CONFIGURATION_SHAPES);
const NODE = compile(NODE_SHAPE);
const CONNECTION = compile(CONNECTION_SHAPE);

/** API-only keys that UnsupportedByCloudFormation reports as errors. */
const REPORTED_ELSEWHERE = new Set([
  'configuration.prompt.sourceConfiguration.inline.additionalModelRequestFields',
  'configuration.prompt.sourceConfiguration.inline.templateConfiguration.chat',
  'configuration.prompt.sourceConfiguration.inline.templateConfiguration.text.cachePoint',
]);

/**
 * Schema check: every key of a node, connection and node configuration is one the CloudFormation
 * schema knows. The CDK L1 silently drops any other key (CloudFormation would reject it), so a
 * misspelt key (`knowledgeBaseID`) or an API-only field would quietly not be deployed. A warning.
 */
export const unknownProperty: FlowValidationRule = {
  type: 'UnknownProperty',
  severity: FlowValidationSeverity.WARNING,
  node(entry: NodeEntry, _ctx: ValidationContext, report: Report): void {
    const { node, configurationKey } = entry;
    walk(node, NODE, entry, report);
    const config = node.configuration;
    if (!isPlainObject(config)) return;
    for (const key in config) {
      const shape = CONFIGURATIONS.get(key);
      if (shape === undefined) {
        PATH.push('configuration', key);
        unknownKey(entry, key, CONFIGURATIONS, report);
        PATH.pop();
        PATH.pop();
      } else if (key === configurationKey) {
        // a member for another node type is reported by MissingNodeConfiguration / InvalidNodeConfiguration
        PATH.push('configuration', key);
        walk(config[key], shape as CompiledShape, entry, report);
        PATH.pop();
        PATH.pop();
      }
    }
  },
  connection(entry: ConnectionEntry, _ctx: ValidationContext, report: Report): void {
    walk(entry.connection, CONNECTION, entry, report);
  },
};

/** The node or connection a walk is in: its entry (so a walk allocates nothing). */
interface Owner {
  readonly node?: FlowNodeJson;
  readonly connection?: FlowConnectionJson;
}

/**
 * The path of the value a walk is at (keys and list positions), shared by all walks: they do not
 * overlap, and a path is only turned into text for a finding. Emptied by `pop()`: setting its length
 * to 0 would free its storage, and every node would then allocate it again.
 */
const PATH: (string | number)[] = [];

function unknownKey(owner: Owner, key: string, shape: CompiledShape, report: Report): void {
  const path = pathText(PATH);
  if (REPORTED_ELSEWHERE.has(path)) return;
  const known = [...shape.keys()];
  const match = caseInsensitiveMatch(key, known);
  const label = owner.node ? `node '${owner.node.name}'` : `connection '${owner.connection!.name}'`;
  report({
    ...(owner.node ? { node: owner.node.name } : { connection: owner.connection!.name }),
    message: `${label} has '${path}', which the CloudFormation schema does not have, so it is not deployed (the CDK L1 drops it): `
      + (match ? `did you mean '${match}'?` : `remove it${known.length ? ` (known here: ${known.join(', ')})` : ''}`),
  });
}

/**
 * Reports the keys of `value` that `shape` does not have, recursively (not into tokens and intrinsics).
 * An intrinsic's only key is never a schema key, so it is told apart only when a key is unknown.
 */
function walk(value: unknown, shape: CompiledShape, owner: Owner, report: Report): void {
  if (value === null || typeof value !== 'object' || Array.isArray(value) || isResolvableObject(value)) return;
  for (const key in value) {
    const spec = shape.get(key);
    if (spec === VALUE) continue;
    const child = (value as any)[key];
    if (spec === undefined) {
      if (isIntrinsic(value)) return;
      PATH.push(key);
      unknownKey(owner, key, shape, report);
    } else if (Array.isArray(spec)) {
      if (!Array.isArray(child)) continue;
      PATH.push(key);
      for (let i = 0; i < child.length; i++) {
        PATH.push(i);
        walk(child[i], spec[0], owner, report);
        PATH.pop();
      }
    } else {
      PATH.push(key);
      walk(child, spec as CompiledShape, owner, report);
    }
    PATH.pop();
  }
}

/** A shape as maps (keyed lookups in a Map are faster than in object literals of many shapes). */
type CompiledShape = ReadonlyMap<string, CompiledShape | typeof VALUE | readonly [CompiledShape]>;

function compile(shape: Shape): CompiledShape {
  return new Map(Object.entries(shape).map(([key, spec]) => [key,
    spec === true || spec === 'any' || spec === 'definition' ? VALUE
      : Array.isArray(spec) ? [compile(spec[0])] as const
        : compile(spec as Shape)]));
}
