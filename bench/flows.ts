import { App, Stack, Token } from 'aws-cdk-lib';
import * as bedrock from 'aws-cdk-lib/aws-bedrock';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import { Construct } from 'constructs';
import {
  ConditionNode, Flow, FlowAgentAlias, FlowCondition, FlowDataType, FlowDefinition, FlowKnowledgeBase, FlowModel, FlowNode,
  InlineCodeNode, InputNode, IteratorNode, KnowledgeBaseNode, LambdaFunctionNode, LexNode, LoopControllerNode, LoopNode,
  NextableFlowNode, OutputNode, PromptNode, RetrievalNode, StorageNode, AgentNode,
} from '../src';
import { FlowDefinitionJson } from '../src/definition/schema';

const ENV = { account: '111122223333', region: 'us-east-1' };
const MODEL = FlowModel.crossRegion('us.amazon.nova-lite-v1:0');

/**
 * How the flow refers to its Lambda functions, given only their ARNs: with the L1 reference
 * `lambda.CfnFunction.fromFunctionArn` (the least a reference costs), or with the L2 import
 * `lambda.Function.fromFunctionArn`, which builds a whole `IFunction` (grants, metrics, connections).
 */
export type FunctionImport = 'l1-reference' | 'l2-import';

function importFunction(kind: FunctionImport, scope: Construct, id: string, name: string): lambda.IFunctionRef {
  const arn = `arn:aws:lambda:us-east-1:111122223333:function:${name}`;
  return kind === 'l1-reference' ? lambda.CfnFunction.fromFunctionArn(scope, id, arn) : lambda.Function.fromFunctionArn(scope, id, arn);
}

/**
 * A stack with one 40-node flow built with the library: every node type but Lex's alternatives,
 * a condition, an iterator/collector pair, a loop, and a chain of prompts and Lambda functions.
 * Targets are given by literal ARNs so the same definition can be written as a plain CfnFlow.
 */
export function libraryStack(functions: FunctionImport = 'l1-reference'): { stack: Stack; flow: Flow } {
  const stack = new Stack(new App(), 'Bench', { env: ENV });
  const fn = (name: string) => importFunction(functions, stack, `Fn${name}`, name);
  const request = new InputNode(stack, 'Request');
  const question = request.document.at('$.data.question', FlowDataType.STRING);
  const search = new KnowledgeBaseNode(stack, 'Search', { knowledgeBase: FlowKnowledgeBase.fromKnowledgeBaseId('KB12345678'), retrievalQuery: question });
  const answer = new PromptNode(stack, 'Answer', {
    model: MODEL, template: 'Q: {{question}}\nContext: {{context}}', inputs: { question, context: search.retrievalResults! },
  });
  new OutputNode(stack, 'AnswerOut', { document: answer.modelCompletion });
  const agent = new AgentNode(stack, 'Concierge', {
    agentAlias: FlowAgentAlias.fromAgentAliasArn('arn:aws:bedrock:us-east-1:111122223333:agent-alias/AGENT12345/ALIAS12345'),
    agentInputText: question,
  });
  new OutputNode(stack, 'AgentOut', { document: agent.agentResponse });
  const intent = new LexNode(stack, 'DetectIntent', {
    botAliasArn: 'arn:aws:lex:us-east-1:111122223333:bot-alias/BOTID12345/ALIAS12345', localeId: 'en_US', inputText: question,
  });
  new ConditionNode(stack, 'Route', { inputs: { intent: intent.predictedIntent } })
    .when('Billing', FlowCondition.equalTo('intent', 'Billing'), new OutputNode(stack, 'BillingOut', { document: question }))
    .otherwise(new OutputNode(stack, 'OtherOut', { document: question }));
  const template = new RetrievalNode(stack, 'LoadTemplate', {
    bucketName: 'bench-input-bucket', objectKey: request.document.at('$.data.templateKey', FlowDataType.STRING),
  });
  const save = new StorageNode(stack, 'SaveAnswer', {
    bucketName: 'bench-output-bucket', content: template.s3Content, objectKey: request.document.at('$.data.answerKey', FlowDataType.STRING),
  });
  new OutputNode(stack, 'SavedOut', { document: save.s3Uri });
  const each = new IteratorNode(stack, 'EachDoc', { array: request.document.at('$.data.documents', FlowDataType.ARRAY) });
  const title = new InlineCodeNode(stack, 'Title', { code: 'arrayItem["title"]', responseType: FlowDataType.STRING });
  each.next(title).next(each.collect(stack, 'Titles')).next(new OutputNode(stack, 'TitlesOut'));
  const loop = new LoopNode(stack, 'Refine', { inputs: { draft: question } });
  const improve = new PromptNode(loop, 'Improve', { model: MODEL, template: 'Improve {{draft}}', inputs: { draft: loop.loopInput.output('draft') } });
  new LoopControllerNode(loop, 'Gate', {
    continueCondition: FlowCondition.lessThan('size', 100),
    conditionInputs: { size: new InlineCodeNode(loop, 'Size', { code: 'len(text)', responseType: FlowDataType.NUMBER, inputs: { text: improve.modelCompletion } }).response },
    returnValues: { draft: improve.modelCompletion },
    exitValues: { result: improve.modelCompletion },
    maxIterations: 3,
  });
  new OutputNode(stack, 'RefinedOut', { document: loop.output('result') });
  // a chain of prompts and Lambda functions up to 40 top-level nodes
  let previous: NextableFlowNode = new LambdaFunctionNode(stack, 'Step0', { lambdaFunction: fn('step0'), inputs: { payload: request.document } });
  const used = 20; // top-level nodes above, with the chain's Output node
  for (let i = 1; i < 40 - used; i++) {
    const next: NextableFlowNode = i % 2 === 0
      ? new LambdaFunctionNode(stack, `Step${i}`, { lambdaFunction: fn(`step${i}`) })
      : new PromptNode(stack, `Step${i}`, { model: MODEL, template: `Step ${i}: {{input}}` });
    previous.next(next);
    previous = next;
  }
  previous.next(new OutputNode(stack, 'ChainOut'));
  const flow = new Flow(stack, 'Flow', { flowName: 'bench-flow', definition: FlowDefinition.fromChainable(request) });
  return { stack, flow };
}

/**
 * The same flow written by hand, as CDK users do today: a `CfnFlow` with the identical definition
 * JSON, and an `iam.Role` with the same trust conditions and policy statements.
 */
export function l1Stack(definition: FlowDefinitionJson, statements: any[]): Stack {
  const stack = new Stack(new App(), 'Bench', { env: ENV });
  const role = new iam.Role(stack, 'Role', {
    assumedBy: new iam.ServicePrincipal('bedrock.amazonaws.com', {
      conditions: {
        StringEquals: { 'aws:SourceAccount': stack.account },
        ArnLike: { 'aws:SourceArn': `arn:${stack.partition}:bedrock:${stack.region}:${stack.account}:flow/*` },
      },
    }),
  });
  const asString = (v: unknown) => typeof v === 'string' ? v : Token.asString(v);
  for (const statement of statements) {
    const resources = ([] as unknown[]).concat(statement.Resource).map(asString);
    role.addToPolicy(iam.PolicyStatement.fromJson({ ...statement, Resource: resources }));
  }
  const flow = new bedrock.CfnFlow(stack, 'Flow', { name: 'bench-flow', executionRoleArn: role.roleArn, definition });
  flow.node.addDependency(role);
  return stack;
}

/** How many node constructs and Lambda function references a stack has. */
export function constructCounts(stack: Stack): { nodes: number; functionImports: number } {
  const all = stack.node.findAll();
  return {
    nodes: all.filter(c => FlowNode.isFlowNode(c)).length,
    functionImports: all.filter(c => 'functionRef' in c).length,
  };
}

/**
 * The least any design with a construct per node and construct references to functions costs: the
 * hand-written stack of `l1Stack`, plus as many empty constructs as the library's stack has nodes and
 * as many function references of the kind `libraryStack` makes by default (L1 references). The
 * library's stack over this one is what the library itself costs.
 */
export function floorStack(definition: FlowDefinitionJson, statements: any[], counts: { nodes: number; functionImports: number }): Stack {
  const stack = l1Stack(definition, statements);
  for (let i = 0; i < counts.nodes; i++) new Construct(stack, `Node${i}`);
  for (let i = 0; i < counts.functionImports; i++) importFunction('l1-reference', stack, `Fn${i}`, `step${i}`);
  return stack;
}

/** A valid synthetic definition of about `n` nodes (Input, then Lambda → Condition groups, each with an Output). */
export function syntheticDefinition(n: number): FlowDefinitionJson {
  const nodes: any[] = [{ name: 'Start', type: 'Input', configuration: { input: {} }, outputs: [{ name: 'document', type: 'Object' }] }];
  const connections: any[] = [];
  let previous = { node: 'Start', output: 'document' };
  for (let i = 0; nodes.length + 3 <= n; i++) {
    const fn = `Call${i}`;
    const gate = `Gate${i}`;
    const out = `Done${i}`;
    nodes.push(
      {
        name: fn,
        type: 'LambdaFunction',
        configuration: { lambdaFunction: { lambdaArn: `arn:aws:lambda:us-east-1:111122223333:function:f${i}` } },
        inputs: [{ name: 'payload', type: 'Object', expression: '$.data' }],
        outputs: [{ name: 'functionResponse', type: 'Object' }],
      },
      {
        name: gate,
        type: 'Condition',
        configuration: { condition: { conditions: [{ name: 'Stop', expression: 'size > 10' }, { name: 'default' }] } },
        inputs: [{ name: 'size', type: 'Number', expression: '$.data.size' }],
      },
      { name: out, type: 'Output', configuration: { output: {} }, inputs: [{ name: 'document', type: 'Object', expression: '$.data' }] },
    );
    connections.push(
      { name: `C${i}a`, type: 'Data', source: previous.node, target: fn, configuration: { data: { sourceOutput: previous.output, targetInput: 'payload' } } },
      { name: `C${i}b`, type: 'Data', source: fn, target: gate, configuration: { data: { sourceOutput: 'functionResponse', targetInput: 'size' } } },
      { name: `C${i}c`, type: 'Conditional', source: gate, target: out, configuration: { conditional: { condition: 'Stop' } } },
      { name: `C${i}d`, type: 'Data', source: fn, target: out, configuration: { data: { sourceOutput: 'functionResponse', targetInput: 'document' } } },
    );
    previous = { node: fn, output: 'functionResponse' };
  }
  return { nodes, connections };
}

/** A plain JSON Iterator → Prompt → Collector → Output flow. */
export function mapFlow(): FlowDefinitionJson {
  return {
    nodes: [
      { name: 'Start', type: 'Input', configuration: { input: {} }, outputs: [{ name: 'document', type: 'Array' }] },
      {
        name: 'Each',
        type: 'Iterator',
        configuration: { iterator: {} },
        inputs: [{ name: 'array', type: 'Array', expression: '$.data' }],
        outputs: [{ name: 'arrayItem', type: 'String' }, { name: 'arraySize', type: 'Number' }],
      },
      {
        name: 'Shout',
        type: 'Prompt',
        configuration: {
          prompt: {
            sourceConfiguration: {
              inline: {
                templateType: 'TEXT', templateConfiguration: { text: { text: 'Shout {{item}}', inputVariables: [{ name: 'item' }] } }, modelId: 'amazon.nova-lite-v1:0',
              },
            },
          },
        },
        inputs: [{ name: 'item', type: 'String', expression: '$.data' }],
        outputs: [{ name: 'modelCompletion', type: 'String' }],
      },
      {
        name: 'Gather',
        type: 'Collector',
        configuration: { collector: {} },
        inputs: [{ name: 'arrayItem', type: 'String', expression: '$.data' }, { name: 'arraySize', type: 'Number', expression: '$.data' }],
        outputs: [{ name: 'collectedArray', type: 'Array' }],
      },
      { name: 'All', type: 'Output', configuration: { output: {} }, inputs: [{ name: 'document', type: 'Array', expression: '$.data' }] },
    ],
    connections: [
      { name: 'StartEach', type: 'Data', source: 'Start', target: 'Each', configuration: { data: { sourceOutput: 'document', targetInput: 'array' } } },
      { name: 'EachShout', type: 'Data', source: 'Each', target: 'Shout', configuration: { data: { sourceOutput: 'arrayItem', targetInput: 'item' } } },
      { name: 'ShoutGather', type: 'Data', source: 'Shout', target: 'Gather', configuration: { data: { sourceOutput: 'modelCompletion', targetInput: 'arrayItem' } } },
      { name: 'SizeGather', type: 'Data', source: 'Each', target: 'Gather', configuration: { data: { sourceOutput: 'arraySize', targetInput: 'arraySize' } } },
      { name: 'GatherAll', type: 'Data', source: 'Gather', target: 'All', configuration: { data: { sourceOutput: 'collectedArray', targetInput: 'document' } } },
    ],
  };
}
