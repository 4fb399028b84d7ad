import { App, Stack } from 'aws-cdk-lib';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import { FlowCondition } from '../../src/definition/condition';
import { FlowDataType } from '../../src/definition/data-type';
import { FlowDefinition } from '../../src/definition/flow-definition';
import { FlowModel } from '../../src/models';
import { ConditionNode } from '../../src/nodes/condition-node';
import { InputNode } from '../../src/nodes/input-node';
import { LambdaFunctionNode } from '../../src/nodes/lambda-function-node';
import { OutputNode } from '../../src/nodes/output-node';
import { PromptNode } from '../../src/nodes/prompt-node';
import { FlowSimulator, LambdaFunctionEvent, LambdaFunctionRequest, PromptRequest } from '../../src/testing';

/**
 * Document → Classify (Prompt) → IsEnglish (Condition): English → Analysis (Output);
 * otherwise → Translate (Lambda) → Translation (Output).
 */
function buildFlow() {
  const stack = new Stack(new App(), 'SimulatorStack', { env: { account: '111122223333', region: 'us-east-1' } });
  const fn = lambda.Function.fromFunctionArn(stack, 'TranslateFn', 'arn:aws:lambda:us-east-1:111122223333:function:translate');
  const doc = new InputNode(stack, 'Document');
  const classify = new PromptNode(stack, 'Classify', {
    model: FlowModel.foundationModel('anthropic.claude-3-haiku-20240307-v1:0'),
    template: 'Which language is this? {{text}}',
    inputs: { text: doc.document.at('$.data.text', FlowDataType.STRING) },
  });
  const translate = new LambdaFunctionNode(stack, 'Translate', {
    lambdaFunction: fn,
    inputs: { text: doc.document.at('$.data.text', FlowDataType.STRING) },
    responseType: FlowDataType.STRING,
  });
  translate.next(new OutputNode(stack, 'Translation'));
  new ConditionNode(stack, 'IsEnglish', { inputs: { lang: classify.modelCompletion } })
    .when('english', FlowCondition.equalTo('lang', 'en'), new OutputNode(stack, 'Analysis', { document: classify.modelCompletion }))
    .otherwise(translate);
  return { stack, definition: FlowDefinition.fromChainable(doc) };
}

const handlers = {
  Prompt: ({ prompt }: PromptRequest) => (prompt!.includes('Bonjour') ? 'fr' : 'en'),
  LambdaFunction: (event: LambdaFunctionEvent) => `EN: ${event.node.inputs[0].value}`,
};

describe('FlowSimulator with the builder', () => {
  test('runs a built definition resolved through its stack', async () => {
    // GIVEN
    const { stack, definition } = buildFlow();
    const json = stack.resolve(definition.toJson());
    const simulator = new FlowSimulator(json, { handlers });

    // WHEN
    const english = await simulator.run({ text: 'Hello' });
    const french = await simulator.run({ text: 'Bonjour' });

    // THEN
    expect(english.outputsByNode).toEqual({ Analysis: ['en'] });
    expect(french.outputsByNode).toEqual({ Translation: ['EN: Bonjour'] });
    expect(french.nodeRuns.Analysis).toBeUndefined();
  });

  test('runs a FlowDefinition given directly, resolving it through the stack of its nodes', async () => {
    // GIVEN
    const { definition } = buildFlow();
    const simulator = new FlowSimulator(definition, { handlers });

    // WHEN
    const result = await simulator.run({ text: 'Bonjour' });

    // THEN
    expect(result.outputsByNode).toEqual({ Translation: ['EN: Bonjour'] });
    expect(simulator.definition.nodes?.map(n => n.name)).toEqual(expect.arrayContaining(['Document', 'Classify', 'IsEnglish', 'Translate']));
  });

  test('runs a resolved definition that refers to resources of the stack (CloudFormation references)', async () => {
    // GIVEN: the Lambda node's ARN resolves to { 'Fn::GetAtt': [...] }
    const stack = new Stack(new App(), 'RefStack');
    const fn = new lambda.Function(stack, 'Enrich', {
      runtime: lambda.Runtime.NODEJS_20_X, handler: 'index.handler', code: lambda.Code.fromInline('exports.handler = async () => "x";'),
    });
    const doc = new InputNode(stack, 'Document');
    new LambdaFunctionNode(stack, 'EnrichDoc', {
      lambdaFunction: fn, inputs: { text: doc.document.at('$.data.text', FlowDataType.STRING) }, responseType: FlowDataType.STRING,
    }).next(new OutputNode(stack, 'Out'));
    const json = stack.resolve(FlowDefinition.fromChainable(doc).toJson());
    const lambdaArns: unknown[] = [];
    const simulator = new FlowSimulator(json, {
      nodeHandlers: { EnrichDoc: (_event: LambdaFunctionEvent, request: LambdaFunctionRequest) => { lambdaArns.push(request.lambdaArn); return 'ok'; } },
    });

    // WHEN
    const result = await simulator.run({ text: 'a' });

    // THEN
    expect(result.outputsByNode).toEqual({ Out: ['ok'] });
    expect(lambdaArns).toEqual([{ 'Fn::GetAtt': [stack.getLogicalId(fn.node.defaultChild as lambda.CfnFunction), 'Arn'] }]);
  });
});
