import * as bedrock from 'aws-cdk-lib/aws-bedrock';
import { expectFlowStatements, partitionArn } from './helpers';
import { FlowDataType, FlowGuardrail, FlowModel, InputNode, ManagedPrompt, OutputNode, PromptNode } from '../../src';
import { testStack } from '../util/render';

const PROMPT_ARN = 'arn:aws:bedrock:us-east-1:111122223333:prompt/PROMPT1234';

describe('Prompt node permissions with a managed prompt', () => {
  test('a versioned prompt ARN gets RenderPrompt on that version and InvokeModel on the model given', () => {
    // GIVEN
    const stack = testStack();
    const input = new InputNode(stack, 'FlowInput', { type: FlowDataType.STRING });
    const node = new PromptNode(stack, 'Classify', {
      prompt: ManagedPrompt.fromPromptArn(`${PROMPT_ARN}:3`, { model: FlowModel.foundationModel('amazon.nova-lite-v1:0') }),
      inputs: { ticket: input.document },
    });

    // WHEN / THEN
    expectFlowStatements(stack, input.next(node).next(new OutputNode(stack, 'Out')), [
      { Action: 'bedrock:RenderPrompt', Resource: `${PROMPT_ARN}:3` },
      { Action: 'bedrock:InvokeModel', Resource: partitionArn(':bedrock:us-east-1::foundation-model/amazon.nova-lite-v1:0') },
    ]);
  });

  test('an unversioned prompt ARN gets RenderPrompt on the prompt and its versions; no model, no InvokeModel', () => {
    // GIVEN
    const stack = testStack();
    const input = new InputNode(stack, 'FlowInput', { type: FlowDataType.STRING });
    const node = new PromptNode(stack, 'Classify', { prompt: ManagedPrompt.fromPromptArn(PROMPT_ARN), inputs: { ticket: input.document } });

    // WHEN / THEN
    expectFlowStatements(stack, input.next(node).next(new OutputNode(stack, 'Out')), [
      { Action: 'bedrock:RenderPrompt', Resource: [PROMPT_ARN, `${PROMPT_ARN}:*`] },
    ]);
  });

  test('a CfnPrompt grants its variant\'s cross-Region model, and a guardrail adds ApplyGuardrail', () => {
    // GIVEN
    const stack = testStack();
    const prompt = new bedrock.CfnPrompt(stack, 'Prompt', {
      name: 'classify',
      defaultVariant: 'main',
      variants: [{
        name: 'main',
        templateType: 'TEXT',
        modelId: 'us.anthropic.claude-3-5-haiku-20241022-v1:0',
        templateConfiguration: { text: { text: 'Classify: {{ticket}}', inputVariables: [{ name: 'ticket' }] } },
      }],
    });
    const input = new InputNode(stack, 'FlowInput', { type: FlowDataType.STRING });
    const node = new PromptNode(stack, 'Classify', {
      prompt: ManagedPrompt.fromCfnPrompt(prompt),
      guardrail: FlowGuardrail.fromGuardrailIdentifier('abcd1234efgh', '1'),
    });

    // WHEN / THEN
    const promptArn = { 'Fn::GetAtt': ['Prompt', 'Arn'] };
    expectFlowStatements(stack, input.next(node).next(new OutputNode(stack, 'Out')), [
      { Action: 'bedrock:RenderPrompt', Resource: [promptArn, { 'Fn::Join': ['', [promptArn, ':*']] }] },
      { Action: 'bedrock:ApplyGuardrail', Resource: partitionArn(':bedrock:us-east-1:111122223333:guardrail/abcd1234efgh') },
      {
        Action: 'bedrock:InvokeModel',
        Resource: [
          partitionArn(':bedrock:us-east-1:111122223333:inference-profile/us.anthropic.claude-3-5-haiku-20241022-v1:0'),
          partitionArn(':bedrock:*::foundation-model/anthropic.claude-3-5-haiku-20241022-v1:0'),
        ],
      },
    ]);
  });

  test('a prompt from an IPromptRef with a model gets RenderPrompt and InvokeModel', () => {
    // GIVEN
    const stack = testStack();
    const cfn = new bedrock.CfnPrompt(stack, 'Prompt', { name: 'p1', variants: [] });
    const input = new InputNode(stack, 'FlowInput', { type: FlowDataType.STRING });
    const node = new PromptNode(stack, 'Ask', {
      prompt: ManagedPrompt.fromPromptRef(cfn, { model: FlowModel.fromArn('arn:aws:bedrock:us-east-1:111122223333:provisioned-model/abc123') }),
    });

    // WHEN / THEN
    expectFlowStatements(stack, input.next(node).next(new OutputNode(stack, 'Out')), [
      { Action: 'bedrock:RenderPrompt', Resource: [{ Ref: 'Prompt' }, { 'Fn::Join': ['', [{ Ref: 'Prompt' }, ':*']] }] },
      {
        Action: ['bedrock:InvokeModel', 'bedrock:GetProvisionedModelThroughput'],
        Resource: 'arn:aws:bedrock:us-east-1:111122223333:provisioned-model/abc123',
      },
    ]);
  });
});
