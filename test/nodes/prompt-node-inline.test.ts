import { Token } from 'aws-cdk-lib';
import { Template, Match } from 'aws-cdk-lib/assertions';
import {
  Flow, FlowDataType, FlowDefinition, FlowGuardrail, FlowModel, InputNode, OutputNode, PromptNode,
} from '../../src';
import { nodeOf, renderDefinition, testStack } from '../util/render';

const HAIKU = 'anthropic.claude-3-haiku-20240307-v1:0';

describe('PromptNode with an inline template', () => {
  test('renders the template, variables, model, inference configuration and guardrail', () => {
    // GIVEN
    const stack = testStack();
    const doc = new InputNode(stack, 'Doc');

    // WHEN
    const prompt = new PromptNode(stack, 'Summarize', {
      model: FlowModel.crossRegion('us.anthropic.claude-3-5-haiku-20241022-v1:0'),
      template: 'Summarize for a {{audience}} reader:\n{{topic}}',
      inputs: {
        audience: doc.document.at('$.data.audience', FlowDataType.STRING),
        topic: doc.document.at('$.data.topic', FlowDataType.STRING),
      },
      inferenceConfiguration: { temperature: 0.2, topP: 0.9, maxTokens: 1024, stopSequences: ['</answer>'] },
      guardrail: FlowGuardrail.fromGuardrailIdentifier('abcd1234efgh', '1'),
    });
    prompt.next(new OutputNode(stack, 'Out'));

    // THEN
    expect(nodeOf(renderDefinition(stack, doc), 'Summarize')).toStrictEqual({
      name: 'Summarize',
      type: 'Prompt',
      configuration: {
        prompt: {
          sourceConfiguration: {
            inline: {
              templateType: 'TEXT',
              templateConfiguration: {
                text: {
                  text: 'Summarize for a {{audience}} reader:\n{{topic}}',
                  inputVariables: [{ name: 'audience' }, { name: 'topic' }],
                },
              },
              modelId: 'us.anthropic.claude-3-5-haiku-20241022-v1:0',
              inferenceConfiguration: { text: { temperature: 0.2, topP: 0.9, maxTokens: 1024, stopSequences: ['</answer>'] } },
            },
          },
          guardrailConfiguration: { guardrailIdentifier: 'abcd1234efgh', guardrailVersion: '1' },
        },
      },
      inputs: [
        { name: 'audience', type: 'String', expression: '$.data.audience' },
        { name: 'topic', type: 'String', expression: '$.data.topic' },
      ],
      outputs: [{ name: 'modelCompletion', type: 'String' }],
    });
  });

  test('lists the variables in order of first use, once each', () => {
    const stack = testStack();
    const prompt = new PromptNode(stack, 'Repeat', { model: FlowModel.foundationModel(HAIKU), template: '{{b1}} {{ a1 }} {{b1}}' });
    expect(prompt.variables).toEqual(['b1', 'a1']);
  });

  test('a template without variables may have one input that triggers it', () => {
    const stack = testStack();
    const doc = new InputNode(stack, 'Doc');
    const prompt = new PromptNode(stack, 'Joke', { model: FlowModel.foundationModel(HAIKU), template: 'Tell a joke', inputs: { ignore: doc.document } });
    expect(prompt._inputPorts.map(p => p.name)).toEqual(['ignore']);
  });

  test('throws when an input is not a template variable', () => {
    const stack = testStack();
    const doc = new InputNode(stack, 'Doc');
    expect(() => new PromptNode(stack, 'Ask', {
      model: FlowModel.foundationModel(HAIKU),
      template: 'Answer {{question}}',
      inputs: { question: doc.document, context: doc.document },
    })).toThrow("Prompt node 'Ask': input 'context' is not a variable of the template (variables: {{question}}); add the variable to the template or remove the input");
  });

  test('throws when a variable cannot be an input name', () => {
    const stack = testStack();
    expect(() => new PromptNode(stack, 'Ask', { model: FlowModel.foundationModel(HAIKU), template: 'Answer {{my-question}}' }))
      .toThrow(/template variable '\{\{my-question\}\}' cannot be a node input name/);
  });

  test('throws without a model or with both a template and a managed prompt', () => {
    const stack = testStack();
    expect(() => new PromptNode(stack, 'NoModel', { template: 'x' })).toThrow(/an inline prompt needs both `template` and `model`/);
    expect(() => new PromptNode(stack, 'Empty', { template: '', model: FlowModel.foundationModel(HAIKU) })).toThrow(/the template is empty/);
  });

  test.each([
    [{ temperature: 1.5 }, /temperature must be between 0 and 1, got 1.5/],
    [{ topP: -0.1 }, /topP must be between 0 and 1/],
    [{ maxTokens: 5000 }, /maxTokens must be between 0 and 4096, got 5000/],
    [{ maxTokens: 10.5 }, /maxTokens must be a whole number/],
    [{ stopSequences: ['a', 'b', 'c', 'd', 'e'] }, /at most 4 stopSequences/],
  ])('throws on inference configuration %j', (inferenceConfiguration, message) => {
    const stack = testStack();
    expect(() => new PromptNode(stack, 'Ask', { model: FlowModel.foundationModel(HAIKU), template: 'x', inferenceConfiguration }))
      .toThrow(message);
  });

  test('does not check inference values that are tokens', () => {
    const stack = testStack();
    expect(() => new PromptNode(stack, 'Ask', {
      model: FlowModel.foundationModel(HAIKU),
      template: 'x',
      inferenceConfiguration: { maxTokens: Token.asNumber({ Ref: 'MaxTokens' }) },
    })).not.toThrow();
  });

  test('an unbound variable fails synth as an unfulfilled input, naming the node and the fix', () => {
    // GIVEN a prompt whose {{context}} variable is never connected
    const stack = testStack();
    const doc = new InputNode(stack, 'Question', { type: FlowDataType.STRING });
    const prompt = new PromptNode(stack, 'Answer', {
      model: FlowModel.foundationModel(HAIKU),
      template: 'Q: {{question}} C: {{context}}',
      inputs: { question: doc.document },
    });
    new OutputNode(stack, 'Out', { document: prompt.modelCompletion });
    new Flow(stack, 'Flow', { definition: FlowDefinition.fromChainable(doc) });

    // THEN
    expect(() => Template.fromStack(stack)).toThrow(
      /\[TestStack\/Flow\] UnfulfilledNodeInput: input 'context' of node 'Answer' has no data connection: connect an output to it/,
    );
  });

  test('grants InvokeModel on the foundation model and ApplyGuardrail on the guardrail', () => {
    // GIVEN
    const stack = testStack();
    const doc = new InputNode(stack, 'Doc', { type: FlowDataType.STRING });
    const prompt = new PromptNode(stack, 'Ask', {
      model: FlowModel.foundationModel(HAIKU),
      template: '{{question}}',
      guardrail: FlowGuardrail.fromGuardrailIdentifier('abcd1234efgh', 'DRAFT'),
    });
    new Flow(stack, 'Flow', { definition: FlowDefinition.fromChainable(doc.next(prompt).next(new OutputNode(stack, 'Out'))) });

    // THEN
    Template.fromStack(stack).hasResourceProperties('AWS::IAM::Policy', {
      PolicyDocument: {
        Statement: [
          {
            Action: 'bedrock:InvokeModel',
            Effect: 'Allow',
            Resource: { 'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, `:bedrock:us-east-1::foundation-model/${HAIKU}`]] },
          },
          {
            Action: 'bedrock:ApplyGuardrail',
            Effect: 'Allow',
            Resource: { 'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, ':bedrock:us-east-1:111122223333:guardrail/abcd1234efgh']] },
          },
        ],
      },
    });
  });

  test('grants the profile and the foundation model in every Region for a cross-Region profile', () => {
    const stack = testStack();
    const doc = new InputNode(stack, 'Doc', { type: FlowDataType.STRING });
    const prompt = new PromptNode(stack, 'Ask', { model: FlowModel.crossRegion('eu.amazon.nova-pro-v1:0'), template: '{{question}}' });
    new Flow(stack, 'Flow', { definition: FlowDefinition.fromChainable(doc.next(prompt).next(new OutputNode(stack, 'Out'))) });
    Template.fromStack(stack).hasResourceProperties('AWS::IAM::Policy', {
      PolicyDocument: {
        Statement: Match.arrayWith([{
          Action: 'bedrock:InvokeModel',
          Effect: 'Allow',
          Resource: [
            { 'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, ':bedrock:us-east-1:111122223333:inference-profile/eu.amazon.nova-pro-v1:0']] },
            { 'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, ':bedrock:*::foundation-model/amazon.nova-pro-v1:0']] },
          ],
        }]),
      },
    });
  });
});
