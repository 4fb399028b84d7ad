import * as fs from 'fs';
import * as path from 'path';
import { App, Aws, CfnParameter, Fn, Lazy, Stack } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import {
  Flow, FlowDataType, FlowDefinition, FlowDefinitionLocation, FlowModel, InlineCodeNode, InputNode, LambdaFunctionNode, OutputNode, PromptNode,
} from '../src';
import { testStack } from './util/render';

const HAIKU = FlowModel.foundationModel('anthropic.claude-3-haiku-20240307-v1:0');

/** Input → Lambda (a function of this stack) → inline code of `codeLength` characters → Output. */
function flowWithCode(stack: Stack, codeLength: number, definitionLocation?: FlowDefinitionLocation) {
  const fn = new lambda.Function(stack, 'Fn', { runtime: lambda.Runtime.NODEJS_22_X, handler: 'index.handler', code: lambda.Code.fromInline('exports.handler=async()=>1') });
  const input = new InputNode(stack, 'Doc');
  const call = new LambdaFunctionNode(stack, 'Enrich', { lambdaFunction: fn });
  const code = new InlineCodeNode(stack, 'Shape', { code: `# ${'x'.repeat(Math.max(0, codeLength - 10))}\nfunctionResponse`, responseType: FlowDataType.OBJECT });
  const flow = new Flow(stack, 'Flow', {
    definition: FlowDefinition.fromChainable(input.next(call).next(code).next(new OutputNode(stack, 'Out'))),
    definitionLocation,
  });
  return { flow, fn };
}

/** A JSON definition: Input → Lambda function (`lambdaArn`, and any more keys of the node) → Output. */
function lambdaFlowJson(lambdaArn: unknown, more: object = {}) {
  const lambdaNode = {
    name: 'Call',
    type: 'LambdaFunction',
    configuration: { lambdaFunction: { lambdaArn } },
    inputs: [{ name: 'payload', type: 'Object', expression: '$.data' }],
    outputs: [{ name: 'functionResponse', type: 'Object' }],
    ...more,
  };
  return {
    nodes: [
      { name: 'Start', type: 'Input', configuration: { input: {} }, outputs: [{ name: 'document', type: 'Object' }] },
      lambdaNode,
      { name: 'End', type: 'Output', configuration: { output: {} }, inputs: [{ name: 'document', type: 'Object', expression: '$.data' }] },
    ],
    connections: [
      { name: 'StartToCall', type: 'Data', source: 'Start', target: 'Call', configuration: { data: { sourceOutput: 'document', targetInput: 'payload' } } },
      { name: 'CallToEnd', type: 'Data', source: 'Call', target: 'End', configuration: { data: { sourceOutput: 'functionResponse', targetInput: 'document' } } },
    ],
  };
}

/** The definition file staged for the flow's asset, parsed. */
function stagedDefinition(stack: Stack): any {
  const assembly = (stack.node.root as App).synth();
  const flow = Object.values(assembly.getStackByName(stack.stackName).template.Resources as any).find((r: any) => r.Type === 'AWS::Bedrock::Flow') as any;
  const key: string = flow.Properties.DefinitionS3Location.Key;
  return JSON.parse(fs.readFileSync(path.join(assembly.directory, `asset.${key}`), 'utf-8'));
}

describe('Flow definitionLocation', () => {
  test('keeps a definition of ordinary size in the template', () => {
    // GIVEN / WHEN
    const stack = testStack();
    flowWithCode(stack, 1_000);

    // THEN
    const flow = Object.values(Template.fromStack(stack).findResources('AWS::Bedrock::Flow'))[0];
    expect(flow.Properties.Definition.Nodes.map((n: any) => n.Name)).toEqual(['Doc', 'Enrich', 'Shape', 'Out']);
    expect(flow.Properties.DefinitionS3Location).toBeUndefined();
    expect(flow.Properties.DefinitionSubstitutions).toBeUndefined();
  });

  test('deploys a definition over 200,000 characters from an S3 asset, with the values of this app as substitutions', () => {
    // GIVEN a flow whose inline code alone is 250,000 characters
    const stack = testStack();
    const { flow } = flowWithCode(stack, 250_000);

    // WHEN
    const template = Template.fromStack(stack);

    // THEN the template holds the asset location and the function's ARN as a substitution, not the definition
    const resource = Object.values(template.findResources('AWS::Bedrock::Flow'))[0];
    expect(resource.Properties.Definition).toBeUndefined();
    expect(resource.Properties.DefinitionS3Location).toEqual({
      Bucket: 'cdk-hnb659fds-assets-111122223333-us-east-1',
      Key: expect.stringMatching(/^[0-9a-f]{64}\.json$/),
    });
    expect(resource.Properties.DefinitionSubstitutions).toEqual({ CdkBedrockFlowsToken0: { 'Fn::GetAtt': [expect.stringMatching(/^Fn/), 'Arn'] } });
    expect(flow.definitionAsset).toBeDefined();

    // AND the file is the definition, with the placeholder where the ARN goes
    const staged = stagedDefinition(stack);
    expect(staged.nodes.map((n: any) => n.name)).toEqual(['Doc', 'Enrich', 'Shape', 'Out']);
    expect(staged.nodes[1].configuration.lambdaFunction.lambdaArn).toBe('${CdkBedrockFlowsToken0}');
    expect(staged.nodes[2].configuration.inlineCode.code.length).toBeGreaterThan(249_000);
    // the permissions still come from the definition
    template.hasResourceProperties('AWS::IAM::Policy', { PolicyDocument: { Statement: [Match.objectLike({ Action: 'lambda:InvokeFunction' })] } });
  });

  test('ASSET moves even a small definition: values known at synth are written in, those known at deployment become placeholders', () => {
    // GIVEN a prompt whose template holds a value known at synth (with quotes and a line break) and the Region twice
    const stack = testStack();
    const tone = Lazy.string({ produce: () => 'a "plain"\nvoice' });
    const input = new InputNode(stack, 'Question', { type: FlowDataType.STRING });
    const answer = new PromptNode(stack, 'Answer', {
      model: HAIKU,
      template: `In ${Aws.REGION} (${Aws.REGION}), answer in ${tone}: {{question}}`,
      inputs: { question: input.document },
    });
    new Flow(stack, 'Flow', {
      definition: FlowDefinition.fromChainable(input.next(answer).next(new OutputNode(stack, 'Out'))),
      definitionLocation: FlowDefinitionLocation.ASSET,
    });

    // WHEN
    const resource = Object.values(Template.fromStack(stack).findResources('AWS::Bedrock::Flow'))[0];

    // THEN
    expect(resource.Properties.Definition).toBeUndefined();
    expect(resource.Properties.DefinitionSubstitutions).toEqual({ CdkBedrockFlowsToken0: { Ref: 'AWS::Region' } });
    const inline = stagedDefinition(stack).nodes[1].configuration.prompt.sourceConfiguration.inline;
    expect(inline.templateConfiguration.text.text).toBe('In ${CdkBedrockFlowsToken0} (${CdkBedrockFlowsToken0}), answer in a "plain"\nvoice: {{question}}');
  });

  test('TEMPLATE keeps even a large definition in the template', () => {
    const stack = testStack();
    flowWithCode(stack, 250_000, FlowDefinitionLocation.TEMPLATE);
    const resource = Object.values(Template.fromStack(stack).findResources('AWS::Bedrock::Flow'))[0];
    expect(resource.Properties.Definition.Nodes[2].Configuration.InlineCode.Code.length).toBeGreaterThan(249_000);
    expect(resource.Properties.DefinitionS3Location).toBeUndefined();
  });

  test('a JSON definition with intrinsics gets them as substitutions', () => {
    // GIVEN an imported definition that refers to a parameter with a Ref
    const stack = testStack();
    new CfnParameter(stack, 'FunctionArn');
    const json = lambdaFlowJson({ Ref: 'FunctionArn' });
    new Flow(stack, 'Flow', { definition: FlowDefinition.fromJson(json), definitionLocation: FlowDefinitionLocation.ASSET });

    // WHEN
    const resource = Object.values(Template.fromStack(stack).findResources('AWS::Bedrock::Flow'))[0];

    // THEN
    expect(resource.Properties.DefinitionSubstitutions).toEqual({ CdkBedrockFlowsToken0: { Ref: 'FunctionArn' } });
    expect(stagedDefinition(stack).nodes[1].configuration.lambdaFunction.lambdaArn).toBe('${CdkBedrockFlowsToken0}');
  });

  test('writes numbers and objects known at synth into the file', () => {
    // GIVEN a JSON definition whose ARN is a Lazy object and with a Lazy number
    const stack = testStack();
    const arn = Lazy.any({ produce: () => 'arn:aws:lambda:us-east-1:111122223333:function:f' });
    const json = lambdaFlowJson(arn, { extra: Lazy.number({ produce: () => 3 }) });
    new Flow(stack, 'Flow', { definition: FlowDefinition.fromJson(json), definitionLocation: FlowDefinitionLocation.ASSET });

    // WHEN
    const resource = Object.values(Template.fromStack(stack).findResources('AWS::Bedrock::Flow'))[0];

    // THEN
    expect(resource.Properties.DefinitionSubstitutions).toBeUndefined();
    const call = stagedDefinition(stack).nodes[1];
    expect([call.configuration.lambdaFunction.lambdaArn, call.extra]).toEqual(['arn:aws:lambda:us-east-1:111122223333:function:f', 3]);
  });

  test('fails synth with the flow path and the fix for a number known only at deployment', () => {
    // GIVEN a JSON definition holding a number known only at deployment (a parameter)
    const stack = testStack();
    const json = lambdaFlowJson('arn:aws:lambda:us-east-1:111122223333:function:f', { extra: new CfnParameter(stack, 'Retries', { type: 'Number' }).valueAsNumber });
    new Flow(stack, 'Flow', { definition: FlowDefinition.fromJson(json), definitionLocation: FlowDefinitionLocation.ASSET });

    // WHEN / THEN
    expect(() => Template.fromStack(stack)).toThrow(/Flow TestStack\/Flow: 'nodes\[1\]\.extra' is a number known only at deployment, .*FlowDefinitionLocation\.TEMPLATE/);
  });

  test('fails synth when more than 500 values need substitutions', () => {
    // GIVEN a template text with 501 distinct values known only at deployment
    const stack = testStack();
    const text = Array.from({ length: 501 }, (_, i) => Fn.importValue(`Value${i}`)).join(' ');
    const input = new InputNode(stack, 'Question', { type: FlowDataType.STRING });
    const answer = new PromptNode(stack, 'Answer', { model: HAIKU, template: `${text} {{question}}`, inputs: { question: input.document } });
    new Flow(stack, 'Flow', {
      definition: FlowDefinition.fromChainable(input.next(answer).next(new OutputNode(stack, 'Out'))),
      definitionLocation: FlowDefinitionLocation.ASSET,
    });

    // WHEN / THEN
    expect(() => Template.fromStack(stack)).toThrow(/Flow TestStack\/Flow: .*more than 500 such values/);
  });
});
