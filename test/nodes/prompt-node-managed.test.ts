import { Lazy, Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import * as bedrock from 'aws-cdk-lib/aws-bedrock';
import { Flow, FlowDataType, FlowDefinition, FlowModel, InputNode, ManagedPrompt, OutputNode, PromptNode } from '../../src';
import { nodeOf, renderDefinition, testStack } from '../util/render';

const PROMPT_ARN = 'arn:aws:bedrock:us-east-1:111122223333:prompt/PROMPT1234';

function cfnPrompt(stack: Stack, modelId = 'us.anthropic.claude-3-5-haiku-20241022-v1:0'): bedrock.CfnPrompt {
  return new bedrock.CfnPrompt(stack, 'Prompt', {
    name: 'classify',
    defaultVariant: 'main',
    variants: [{
      name: 'main',
      templateType: 'TEXT',
      modelId,
      templateConfiguration: { text: { text: 'Classify: {{ticket}}', inputVariables: [{ name: 'ticket' }] } },
    }],
  });
}

describe('PromptNode with a managed prompt', () => {
  let stack: Stack;
  let input: InputNode;
  beforeEach(() => {
    stack = testStack();
    input = new InputNode(stack, 'FlowInput');
  });

  test('renders a resource prompt by versioned ARN', () => {
    // GIVEN
    const classify = new PromptNode(stack, 'Classify', {
      prompt: ManagedPrompt.fromPromptArn(`${PROMPT_ARN}:3`),
      inputs: { ticket: input.document.at('$.data.text', FlowDataType.STRING) },
    });

    // WHEN
    const definition = renderDefinition(stack, input.next(classify).next(new OutputNode(stack, 'FlowOutput')));

    // THEN
    expect(nodeOf(definition, 'Classify')).toStrictEqual({
      name: 'Classify',
      type: 'Prompt',
      configuration: { prompt: { sourceConfiguration: { resource: { promptArn: `${PROMPT_ARN}:3` } } } },
      inputs: [{ name: 'ticket', type: 'String', expression: '$.data.text' }],
      outputs: [{ name: 'modelCompletion', type: 'String' }],
    });
  });

  test('a prompt by ARN with unknown variables takes an input named after the previous output', () => {
    // GIVEN
    const classify = new PromptNode(stack, 'Classify', { prompt: ManagedPrompt.fromPromptArn(PROMPT_ARN) });

    // WHEN
    const node = nodeOf(renderDefinition(stack, input.next(classify)), 'Classify');

    // THEN
    expect(node.inputs).toStrictEqual([{ name: 'document', type: 'Object', expression: '$.data' }]);
  });

  test('reads the variables of a CfnPrompt, and next() binds the only one', () => {
    // GIVEN
    const prompt = ManagedPrompt.fromCfnPrompt(cfnPrompt(stack));
    const text = new InputNode(stack, 'Text', { type: FlowDataType.STRING });
    const classify = new PromptNode(stack, 'Classify', { prompt });

    // WHEN
    const node = nodeOf(renderDefinition(stack, text.next(classify)), 'Classify');

    // THEN
    expect(classify.variables).toStrictEqual(['ticket']);
    expect(node.configuration).toStrictEqual({ prompt: { sourceConfiguration: { resource: { promptArn: { 'Fn::GetAtt': ['Prompt', 'Arn'] } } } } });
    expect(node.inputs).toStrictEqual([{ name: 'ticket', type: 'String', expression: '$.data' }]);
  });

  test('uses the version ARN of a CfnPromptVersion', () => {
    // GIVEN
    const p = cfnPrompt(stack);
    const version = new bedrock.CfnPromptVersion(stack, 'V1', { promptArn: p.attrArn });

    // WHEN
    const prompt = ManagedPrompt.fromCfnPrompt(p, version);

    // THEN
    expect(stack.resolve(prompt.promptArn)).toStrictEqual({ 'Fn::GetAtt': ['V1', 'Arn'] });
  });

  test('takes the model of the CfnPrompt variant, or the one given', () => {
    expect(ManagedPrompt.fromCfnPrompt(cfnPrompt(stack)).model?.modelId).toBe('us.anthropic.claude-3-5-haiku-20241022-v1:0');
    const given = FlowModel.foundationModel('amazon.nova-lite-v1:0');
    expect(ManagedPrompt.fromCfnPrompt(cfnPrompt(testStack('Other')), undefined, { model: given }).model).toBe(given);
  });

  test('takes the ARN of any IPromptRef', () => {
    const ref = cfnPrompt(stack) as bedrock.IPromptRef;
    expect(stack.resolve(ManagedPrompt.fromPromptRef(ref).promptArn)).toStrictEqual({ Ref: 'Prompt' });
    expect(ManagedPrompt.fromPromptRef(ref).model).toBeUndefined();
  });

  test('accepts a prompt ARN that is a token', () => {
    const arn = Lazy.string({ produce: () => 'anything' });
    expect(ManagedPrompt.fromPromptArn(arn).promptArn).toBe(arn);
  });

  test('synthesizes in a Flow with a CfnPrompt', () => {
    // GIVEN
    const prompt = ManagedPrompt.fromCfnPrompt(cfnPrompt(stack));
    const classify = new PromptNode(stack, 'Classify', { prompt, inputs: { ticket: input.document.at('$.data.text', FlowDataType.STRING) } });

    // WHEN
    new Flow(stack, 'Flow', { definition: FlowDefinition.fromChainable(input.next(classify).next(new OutputNode(stack, 'Out'))) });

    // THEN
    Template.fromStack(stack).hasResourceProperties('AWS::Bedrock::Flow', {
      Definition: {
        Nodes: [
          { Name: 'FlowInput' },
          { Name: 'Classify', Configuration: { Prompt: { SourceConfiguration: { Resource: { PromptArn: { 'Fn::GetAtt': ['Prompt', 'Arn'] } } } } } },
          { Name: 'Out' },
        ],
      },
    });
  });

  test('throws on a malformed prompt ARN', () => {
    expect(() => ManagedPrompt.fromPromptArn('arn:aws:bedrock:us-east-1:111122223333:prompt/SHORT'))
      .toThrow(/is not a prompt ARN \(arn:<partition>:bedrock:<region>:<account>:prompt\/<id>\[:<version>\]\)/);
  });

  test('throws when a managed prompt is given with an inline template or model', () => {
    expect(() => new PromptNode(stack, 'Classify', { prompt: ManagedPrompt.fromPromptArn(PROMPT_ARN), model: FlowModel.foundationModel('amazon.nova-lite-v1:0') }))
      .toThrow(/give either `prompt` \(a managed prompt\) or `template` with `model`/);
  });

  test('throws when an input is not a variable of the CfnPrompt', () => {
    expect(() => new PromptNode(stack, 'Classify', { prompt: ManagedPrompt.fromCfnPrompt(cfnPrompt(stack)), inputs: { other: input.document } }))
      .toThrow(/input 'other' is not a variable of the template \(variables: \{\{ticket\}\}\)/);
  });
});
