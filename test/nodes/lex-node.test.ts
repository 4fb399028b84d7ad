import { Lazy, Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { Flow, FlowDataType, FlowDefinition, InputNode, LexNode, OutputNode } from '../../src';
import { nodeOf, renderDefinition, testStack } from '../util/render';

const BOT_ALIAS_ARN = 'arn:aws:lex:us-east-1:111122223333:bot-alias/BOTID12345/ALIAS12345';

describe('LexNode', () => {
  let stack: Stack;
  let input: InputNode;
  beforeEach(() => {
    stack = testStack();
    input = new InputNode(stack, 'FlowInput');
  });

  test('renders the bot alias, locale, inputs and the predictedIntent output', () => {
    // GIVEN
    const lex = new LexNode(stack, 'DetectIntent', {
      botAliasArn: BOT_ALIAS_ARN,
      localeId: 'en_US',
      inputText: input.document.at('$.data.utterance', FlowDataType.STRING),
      requestAttributes: input.document.at('$.data.requestAttributes', FlowDataType.OBJECT),
      sessionAttributes: input.document.at('$.data.sessionAttributes', FlowDataType.OBJECT),
    });

    // WHEN
    const definition = renderDefinition(stack, input.next(lex).next(new OutputNode(stack, 'FlowOutput')));

    // THEN
    expect(definition).toStrictEqual({
      nodes: [
        { name: 'FlowInput', type: 'Input', configuration: { input: {} }, outputs: [{ name: 'document', type: 'Object' }] },
        {
          name: 'DetectIntent',
          type: 'Lex',
          configuration: { lex: { botAliasArn: BOT_ALIAS_ARN, localeId: 'en_US' } },
          inputs: [
            { name: 'inputText', type: 'String', expression: '$.data.utterance' },
            { name: 'requestAttributes', type: 'Object', expression: '$.data.requestAttributes' },
            { name: 'sessionAttributes', type: 'Object', expression: '$.data.sessionAttributes' },
          ],
          outputs: [{ name: 'predictedIntent', type: 'String' }],
        },
        {
          name: 'FlowOutput',
          type: 'Output',
          configuration: { output: {} },
          inputs: [{ name: 'document', type: 'String', expression: '$.data' }],
        },
      ],
      connections: [
        {
          name: 'FlowInput_DetectIntent_inputText',
          type: 'Data',
          source: 'FlowInput',
          target: 'DetectIntent',
          configuration: { data: { sourceOutput: 'document', targetInput: 'inputText' } },
        },
        {
          name: 'FlowInput_DetectIntent_requestAttributes',
          type: 'Data',
          source: 'FlowInput',
          target: 'DetectIntent',
          configuration: { data: { sourceOutput: 'document', targetInput: 'requestAttributes' } },
        },
        {
          name: 'FlowInput_DetectIntent_sessionAttributes',
          type: 'Data',
          source: 'FlowInput',
          target: 'DetectIntent',
          configuration: { data: { sourceOutput: 'document', targetInput: 'sessionAttributes' } },
        },
        {
          name: 'DetectIntent_FlowOutput_document',
          type: 'Data',
          source: 'DetectIntent',
          target: 'FlowOutput',
          configuration: { data: { sourceOutput: 'predictedIntent', targetInput: 'document' } },
        },
      ],
    });
  });

  test('has only the inputText input when no attributes are given', () => {
    const text = new InputNode(stack, 'Text', { type: FlowDataType.STRING });
    const lex = new LexNode(stack, 'DetectIntent', { botAliasArn: BOT_ALIAS_ARN, localeId: 'en_GB' });
    expect(nodeOf(renderDefinition(stack, text.next(lex)), 'DetectIntent').inputs).toStrictEqual([
      { name: 'inputText', type: 'String', expression: '$.data' },
    ]);
  });

  test('accepts a bot alias ARN and locale that are tokens', () => {
    // GIVEN
    const lex = new LexNode(stack, 'DetectIntent', {
      botAliasArn: Lazy.string({ produce: () => 'arn:aws:lex:us-east-1:111122223333:bot-alias/B1/A1' }),
      localeId: Lazy.string({ produce: () => 'en_US' }),
    });

    // WHEN / THEN
    expect(stack.resolve(lex.botAliasArn)).toBe('arn:aws:lex:us-east-1:111122223333:bot-alias/B1/A1');
  });

  test('synthesizes in a Flow', () => {
    // GIVEN
    const lex = new LexNode(stack, 'DetectIntent', {
      botAliasArn: BOT_ALIAS_ARN,
      localeId: 'en_US',
      inputText: input.document.at('$.data.utterance', FlowDataType.STRING),
    });

    // WHEN
    new Flow(stack, 'Flow', { definition: FlowDefinition.fromChainable(input.next(lex).next(new OutputNode(stack, 'Out'))) });

    // THEN
    Template.fromStack(stack).hasResourceProperties('AWS::Bedrock::Flow', {
      Definition: {
        Nodes: [
          { Name: 'FlowInput' },
          { Name: 'DetectIntent', Type: 'Lex', Configuration: { Lex: { BotAliasArn: BOT_ALIAS_ARN, LocaleId: 'en_US' } } },
          { Name: 'Out' },
        ],
      },
    });
  });

  test('throws on a malformed or too long bot alias ARN', () => {
    expect(() => new LexNode(stack, 'L1', { botAliasArn: 'arn:aws:lex:us-east-1:111122223333:bot/BOTID12345', localeId: 'en_US' }))
      .toThrow(/Lex node 'L1': 'arn:aws:lex:us-east-1:111122223333:bot\/BOTID12345' is not a Lex bot alias ARN/);
    expect(() => new LexNode(stack, 'L2', { botAliasArn: `arn:aws:lex:us-east-1:111122223333:bot-alias/${'B'.repeat(30)}/ALIAS12345`, localeId: 'en_US' }))
      .toThrow(/at most 78 characters/);
  });

  test('throws on an empty or too long locale id', () => {
    expect(() => new LexNode(stack, 'L1', { botAliasArn: BOT_ALIAS_ARN, localeId: '' }))
      .toThrow(/Lex node 'L1': the localeId must be 1–10 characters/);
    expect(() => new LexNode(stack, 'L2', { botAliasArn: BOT_ALIAS_ARN, localeId: 'en_US_12345' }))
      .toThrow(/the localeId must be 1–10 characters \(e.g. 'en_US'\), got 'en_US_12345'/);
  });

  test('throws when inputText is not a String', () => {
    expect(() => new LexNode(stack, 'L1', { botAliasArn: BOT_ALIAS_ARN, localeId: 'en_US', inputText: input.document }))
      .toThrow(/input 'inputText' of node 'L1' takes a String/);
  });
});
