import * as bedrock from 'aws-cdk-lib/aws-bedrock';
import { CTX, expectFlowStatements } from './helpers';
import { AgentNode, FlowDataType, InputNode, OutputNode } from '../../src';
import { deriveFlowPermissions } from '../../src/permissions';
import { FlowAgentAlias } from '../../src/targets';
import { testStack } from '../util/render';

const ALIAS_ARN = 'arn:aws:bedrock:us-east-1:111122223333:agent-alias/AGENT12345/ALIAS12345';

describe('Agent node permissions', () => {
  test('grants bedrock:InvokeAgent on the alias ARN only', () => {
    // GIVEN
    const stack = testStack();
    const input = new InputNode(stack, 'FlowInput', { type: FlowDataType.STRING });
    const agent = new AgentNode(stack, 'Concierge', { agentAlias: FlowAgentAlias.fromAgentAliasArn(ALIAS_ARN) });

    // WHEN / THEN
    expectFlowStatements(stack, input.next(agent).next(new OutputNode(stack, 'Out')), [
      { Action: 'bedrock:InvokeAgent', Resource: ALIAS_ARN },
    ]);
  });

  test('grants InvokeAgent on a CfnAgentAlias of the app', () => {
    // GIVEN
    const stack = testStack();
    const alias = new bedrock.CfnAgentAlias(stack, 'Alias', { agentId: 'AGENT12345', agentAliasName: 'live' });
    const input = new InputNode(stack, 'FlowInput', { type: FlowDataType.STRING });
    const agent = new AgentNode(stack, 'Concierge', { agentAlias: FlowAgentAlias.fromAgentAliasRef(alias) });

    // WHEN / THEN
    expectFlowStatements(stack, input.next(agent).next(new OutputNode(stack, 'Out')), [
      { Action: 'bedrock:InvokeAgent', Resource: { 'Fn::GetAtt': ['Alias', 'AgentAliasArn'] } },
    ]);
  });

  test('derives the same permission from a JSON definition', () => {
    const definition = { nodes: [{ name: 'Concierge', type: 'Agent', configuration: { agent: { agentAliasArn: ALIAS_ARN } } }] };
    expect(deriveFlowPermissions(definition, CTX).map(p => [p.actions, p.resources])).toStrictEqual([
      [['bedrock:InvokeAgent'], [ALIAS_ARN]],
    ]);
  });

  test('derives nothing from an Agent node without an alias ARN', () => {
    expect(deriveFlowPermissions({ nodes: [{ name: 'A1', type: 'Agent', configuration: { agent: {} } }] }, CTX)).toStrictEqual([]);
  });
});
