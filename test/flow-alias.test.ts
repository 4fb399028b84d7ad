import { Template } from 'aws-cdk-lib/assertions';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import { Flow, FlowAlias, FlowConcurrency, FlowDataType, FlowDefinition, FlowVersion, InputNode, OutputNode } from '../src';
import { testStack } from './util/render';

function flowIn(stack = testStack()) {
  const doc = new InputNode(stack, 'Question', { type: FlowDataType.STRING });
  const flow = new Flow(stack, 'Flow', { definition: FlowDefinition.fromChainable(doc.next(new OutputNode(stack, 'Out'))) });
  return { stack, flow };
}

describe('FlowAlias', () => {
  test('routes to the current version by default', () => {
    // GIVEN
    const { stack, flow } = flowIn();

    // WHEN
    const alias = flow.addAlias('live', { description: 'production traffic' });

    // THEN
    const template = Template.fromStack(stack);
    const versionId = Object.keys(template.findResources('AWS::Bedrock::FlowVersion'))[0];
    template.hasResourceProperties('AWS::Bedrock::FlowAlias', {
      Name: 'live',
      Description: 'production traffic',
      FlowArn: { 'Fn::GetAtt': ['FlowA74D6E88', 'Arn'] },
      RoutingConfiguration: [{ FlowVersion: { 'Fn::GetAtt': [versionId, 'Version'] } }],
    });
    expect(alias.version).toBe(flow.currentVersion);
    expect(Object.keys(template.findResources('AWS::Bedrock::FlowAlias'))).toEqual(['FlowAliasliveE08EB1A0']);
  });

  test('routes two aliases to two versions for blue/green, and rolls back to an older version number', () => {
    const { stack, flow } = flowIn();
    const blue = flow.addVersion('Blue');
    flow.addAlias('blue', { version: blue });
    flow.addAlias('green');
    flow.addAlias('rollback', { version: FlowVersion.fromFlowVersionAttributes(stack, 'V2', { flow, version: '2' }) });
    const template = Template.fromStack(stack);
    template.resourceCountIs('AWS::Bedrock::FlowVersion', 2);
    template.hasResourceProperties('AWS::Bedrock::FlowAlias', { Name: 'blue', RoutingConfiguration: [{ FlowVersion: { 'Fn::GetAtt': ['FlowBlue98F555E2', 'Version'] } }] });
    template.hasResourceProperties('AWS::Bedrock::FlowAlias', { Name: 'rollback', RoutingConfiguration: [{ FlowVersion: '2' }] });
  });

  test('sets automatic or manual concurrency', () => {
    const { stack, flow } = flowIn();
    flow.addAlias('auto', { concurrency: FlowConcurrency.automatic() });
    flow.addAlias('manual', { concurrency: FlowConcurrency.manual(4) });
    const template = Template.fromStack(stack);
    template.hasResourceProperties('AWS::Bedrock::FlowAlias', { Name: 'auto', ConcurrencyConfiguration: { Type: 'Automatic' } });
    template.hasResourceProperties('AWS::Bedrock::FlowAlias', { Name: 'manual', ConcurrencyConfiguration: { Type: 'Manual', MaxConcurrency: 4 } });
  });

  test.each([0, 101, 2.5])('throws on manual concurrency %d', (n) => {
    expect(() => FlowConcurrency.manual(n)).toThrow(`maxConcurrency must be a whole number from 1 to 100, got ${n}`);
  });

  test('grantInvoke gives bedrock:InvokeFlow on the alias ARN from GetAtt Arn', () => {
    // GIVEN
    const { stack, flow } = flowIn();
    const alias = flow.addAlias('live');
    const fn = new lambda.Function(stack, 'App', {
      runtime: lambda.Runtime.NODEJS_22_X, handler: 'index.handler', code: lambda.Code.fromInline('exports.handler = async () => {}'),
    });

    // WHEN
    alias.grantInvoke(fn);

    // THEN
    Template.fromStack(stack).hasResourceProperties('AWS::IAM::Policy', {
      Roles: [{ Ref: 'AppServiceRole6E5ED15C' }],
      PolicyDocument: { Statement: [{ Action: 'bedrock:InvokeFlow', Effect: 'Allow', Resource: { 'Fn::GetAtt': ['FlowAliasliveE08EB1A0', 'Arn'] } }] },
    });
  });

  test('grants asynchronous execution permissions on the flow, the alias and its executions', () => {
    const { stack, flow } = flowIn();
    const alias = flow.addAlias('live');
    const user = new iam.User(stack, 'User');
    alias.grantStartExecution(user);
    alias.grantReadExecutions(user);
    alias.grantStopExecution(user);
    alias.grant(user, 'bedrock:GetFlowAlias');
    const aliasArn = { 'Fn::GetAtt': ['FlowAliasliveE08EB1A0', 'Arn'] };
    const flowArn = { 'Fn::GetAtt': ['FlowA74D6E88', 'Arn'] };
    const executions = { 'Fn::Join': ['', [aliasArn, '/execution/*']] };
    Template.fromStack(stack).hasResourceProperties('AWS::IAM::Policy', {
      PolicyDocument: {
        Statement: [
          { Action: 'bedrock:StartFlowExecution', Effect: 'Allow', Resource: [flowArn, aliasArn] },
          {
            Action: ['bedrock:GetFlowExecution', 'bedrock:ListFlowExecutions', 'bedrock:ListFlowExecutionEvents', 'bedrock:GetExecutionFlowSnapshot'],
            Effect: 'Allow',
            Resource: [flowArn, aliasArn, executions],
          },
          { Action: 'bedrock:StopFlowExecution', Effect: 'Allow', Resource: [flowArn, aliasArn, executions] },
          { Action: 'bedrock:GetFlowAlias', Effect: 'Allow', Resource: aliasArn },
        ],
      },
    });
  });

  test('imports an alias by ARN, deriving the flow', () => {
    const stack = testStack();
    const alias = FlowAlias.fromFlowAliasAttributes(stack, 'Alias', { flowAliasArn: 'arn:aws:bedrock:us-east-1:111122223333:flow/FLOW123456/alias/ALIAS12345' });
    expect(alias.flowAliasId).toBe('ALIAS12345');
    expect(alias.flow.flowId).toBe('FLOW123456');
    expect(stack.resolve(alias.flow.flowArn)).toBe('arn:aws:bedrock:us-east-1:111122223333:flow/FLOW123456');
    expect(alias.flowAliasRef.flowAliasArn).toBe('arn:aws:bedrock:us-east-1:111122223333:flow/FLOW123456/alias/ALIAS12345');
    expect(() => FlowAlias.fromFlowAliasAttributes(stack, 'Bad', { flowAliasArn: 'arn:aws:bedrock:us-east-1:111122223333:flow/FLOW123456' }))
      .toThrow(/is not a flow alias ARN/);
  });

  test('an alias of an imported flow needs a version', () => {
    const stack = testStack();
    const flow = Flow.fromFlowArn(stack, 'Flow', 'arn:aws:bedrock:us-east-1:111122223333:flow/FLOW123456');
    expect(() => new FlowAlias(stack, 'Alias', { flow })).toThrow(/the flow is imported, so it has no current version here; pass `version`/);
    const alias = new FlowAlias(stack, 'Pinned', { flow, aliasName: 'prod', version: FlowVersion.fromFlowVersionAttributes(stack, 'V1', { flow, version: '1' }) });
    expect(alias.flow).toBe(flow);
  });

  test('throws on an invalid alias name and on a version of another flow', () => {
    const { stack, flow } = flowIn();
    expect(() => flow.addAlias('my alias')).toThrow(/alias name 'my alias' is not valid/);
    const other = Flow.fromFlowArn(stack, 'Other', 'arn:aws:bedrock:us-east-1:111122223333:flow/FLOW654321');
    const v1 = FlowVersion.fromFlowVersionAttributes(stack, 'OtherV1', { flow: other, version: '1' });
    expect(() => flow.addAlias('wrong', { version: v1 })).toThrow(/routes to a version of another flow/);
  });
});
