import { Lazy, Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import * as bedrock from 'aws-cdk-lib/aws-bedrock';
import { AgentNode, Flow, FlowDataType, FlowDefinition, InputNode, OutputNode } from '../../src';
import { FlowAgentAlias } from '../../src/targets';
import { nodeOf, renderDefinition, testStack } from '../util/render';

const ALIAS_ARN = 'arn:aws:bedrock:us-east-1:111122223333:agent-alias/AGENT12345/ALIAS12345';

describe('AgentNode', () => {
  let stack: Stack;
  let input: InputNode;
  beforeEach(() => {
    stack = testStack();
    input = new InputNode(stack, 'FlowInput');
  });

  test('renders the agent alias ARN, the fixed inputs and the agentResponse output', () => {
    // GIVEN
    const agent = new AgentNode(stack, 'Concierge', {
      agentAlias: FlowAgentAlias.fromAgentAliasArn(ALIAS_ARN),
      agentInputText: input.document.at('$.data.utterance', FlowDataType.STRING),
      promptAttributes: input.document.at('$.data.promptAttributes', FlowDataType.OBJECT),
      sessionAttributes: input.document.at('$.data.sessionAttributes', FlowDataType.OBJECT),
    });

    // WHEN
    const definition = renderDefinition(stack, input.next(agent).next(new OutputNode(stack, 'FlowOutput')));

    // THEN
    expect(definition).toStrictEqual({
      nodes: [
        { name: 'FlowInput', type: 'Input', configuration: { input: {} }, outputs: [{ name: 'document', type: 'Object' }] },
        {
          name: 'Concierge',
          type: 'Agent',
          configuration: { agent: { agentAliasArn: ALIAS_ARN } },
          inputs: [
            { name: 'agentInputText', type: 'String', expression: '$.data.utterance' },
            { name: 'promptAttributes', type: 'Object', expression: '$.data.promptAttributes' },
            { name: 'sessionAttributes', type: 'Object', expression: '$.data.sessionAttributes' },
          ],
          outputs: [{ name: 'agentResponse', type: 'String' }],
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
          name: 'FlowInput_Concierge_agentInputText',
          type: 'Data',
          source: 'FlowInput',
          target: 'Concierge',
          configuration: { data: { sourceOutput: 'document', targetInput: 'agentInputText' } },
        },
        {
          name: 'FlowInput_Concierge_promptAttributes',
          type: 'Data',
          source: 'FlowInput',
          target: 'Concierge',
          configuration: { data: { sourceOutput: 'document', targetInput: 'promptAttributes' } },
        },
        {
          name: 'FlowInput_Concierge_sessionAttributes',
          type: 'Data',
          source: 'FlowInput',
          target: 'Concierge',
          configuration: { data: { sourceOutput: 'document', targetInput: 'sessionAttributes' } },
        },
        {
          name: 'Concierge_FlowOutput_document',
          type: 'Data',
          source: 'Concierge',
          target: 'FlowOutput',
          configuration: { data: { sourceOutput: 'agentResponse', targetInput: 'document' } },
        },
      ],
    });
  });

  test('leaves out the optional attribute inputs, and next() binds agentInputText', () => {
    // GIVEN
    const text = new InputNode(stack, 'Text', { type: FlowDataType.STRING });
    const agent = new AgentNode(stack, 'Concierge', { agentAlias: FlowAgentAlias.fromAgentAliasArn(ALIAS_ARN) });

    // WHEN
    const node = nodeOf(renderDefinition(stack, text.next(agent)), 'Concierge');

    // THEN
    expect(node.inputs).toStrictEqual([{ name: 'agentInputText', type: 'String', expression: '$.data' }]);
  });

  test('takes the alias ARN from a CfnAgentAlias (a token)', () => {
    // GIVEN
    const alias = new bedrock.CfnAgentAlias(stack, 'Alias', { agentId: 'AGENT12345', agentAliasName: 'live' });

    // WHEN
    const agent = new AgentNode(stack, 'Concierge', {
      agentAlias: FlowAgentAlias.fromAgentAliasRef(alias),
      agentInputText: input.document.at('$.data.text', FlowDataType.STRING),
    });

    // THEN
    expect(nodeOf(renderDefinition(stack, input.next(agent)), 'Concierge').configuration).toStrictEqual({
      agent: { agentAliasArn: { 'Fn::GetAtt': ['Alias', 'AgentAliasArn'] } },
    });
  });

  test('accepts an alias ARN that is a token', () => {
    const arn = Lazy.string({ produce: () => 'not-checked' });
    expect(FlowAgentAlias.fromAgentAliasArn(arn).agentAliasArn).toBe(arn);
  });

  test('synthesizes in a Flow', () => {
    // GIVEN
    const alias = new bedrock.CfnAgentAlias(stack, 'Alias', { agentId: 'AGENT12345', agentAliasName: 'live' });
    const agent = new AgentNode(stack, 'Concierge', {
      agentAlias: FlowAgentAlias.fromAgentAliasRef(alias),
      agentInputText: input.document.at('$.data.text', FlowDataType.STRING),
    });

    // WHEN
    new Flow(stack, 'Flow', { definition: FlowDefinition.fromChainable(input.next(agent).next(new OutputNode(stack, 'Out'))) });

    // THEN
    Template.fromStack(stack).hasResourceProperties('AWS::Bedrock::Flow', {
      Definition: {
        Nodes: [
          { Name: 'FlowInput' },
          {
            Name: 'Concierge',
            Type: 'Agent',
            Configuration: { Agent: { AgentAliasArn: { 'Fn::GetAtt': ['Alias', 'AgentAliasArn'] } } },
            Outputs: [{ Name: 'agentResponse', Type: 'String' }],
          },
          { Name: 'Out' },
        ],
      },
    });
  });

  test('throws on a malformed agent alias ARN', () => {
    expect(() => FlowAgentAlias.fromAgentAliasArn('arn:aws:bedrock:us-east-1:111122223333:agent/AGENT12345'))
      .toThrow(/'arn:aws:bedrock:us-east-1:111122223333:agent\/AGENT12345' is not an agent alias ARN/);
  });

  test('throws when agentInputText is not a String', () => {
    expect(() => new AgentNode(stack, 'Concierge', { agentAlias: FlowAgentAlias.fromAgentAliasArn(ALIAS_ARN), agentInputText: input.document }))
      .toThrow(/input 'agentInputText' of node 'Concierge' takes a String, but 'FlowInput.document' gives Object/);
  });

  test('throws when sessionAttributes is not an Object', () => {
    expect(() => new AgentNode(stack, 'Concierge', {
      agentAlias: FlowAgentAlias.fromAgentAliasArn(ALIAS_ARN),
      sessionAttributes: input.document.at('$.data.s', FlowDataType.STRING),
    })).toThrow(/input 'sessionAttributes' of node 'Concierge' takes a Object/);
  });
});
