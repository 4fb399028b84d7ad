import { Annotations, Match, Template } from 'aws-cdk-lib/assertions';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as kms from 'aws-cdk-lib/aws-kms';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import {
  ConditionNode, Flow, FlowCondition, FlowDataType, FlowDefinition, FlowModel, InputNode, LambdaFunctionNode, OutputNode, PromptNode,
} from '../src';
import { testStack } from './util/render';

const HAIKU = FlowModel.foundationModel('anthropic.claude-3-haiku-20240307-v1:0');

function simpleFlow(stack = testStack(), props: Partial<ConstructorParameters<typeof Flow>[2]> = {}) {
  const doc = new InputNode(stack, 'Question', { type: FlowDataType.STRING });
  const answer = new PromptNode(stack, 'Answer', { model: HAIKU, template: 'Answer: {{question}}' });
  const flow = new Flow(stack, 'Flow', { definition: FlowDefinition.fromChainable(doc.next(answer).next(new OutputNode(stack, 'Out'))), ...props });
  return { stack, flow, doc, answer };
}

describe('Flow', () => {
  test('creates the flow with a service role trusted by Bedrock for flows of this account and Region', () => {
    // GIVEN / WHEN
    const { stack } = simpleFlow();

    // THEN
    const template = Template.fromStack(stack);
    template.hasResourceProperties('AWS::IAM::Role', {
      AssumeRolePolicyDocument: {
        Statement: [{
          Action: 'sts:AssumeRole',
          Effect: 'Allow',
          Principal: { Service: 'bedrock.amazonaws.com' },
          Condition: {
            StringEquals: { 'aws:SourceAccount': '111122223333' },
            ArnLike: { 'aws:SourceArn': { 'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, ':bedrock:us-east-1:111122223333:flow/*']] } },
          },
        }],
      },
    });
    template.hasResource('AWS::Bedrock::Flow', {
      Properties: {
        Name: Match.stringLikeRegexp('^TestStackFlow[0-9A-F]{8}$'),
        ExecutionRoleArn: { 'Fn::GetAtt': ['FlowRoleD99EA574', 'Arn'] },
        Definition: {
          Nodes: Match.arrayWith([Match.objectLike({ Name: 'Question', Type: 'Input' })]),
          Connections: Match.arrayWith([Match.objectLike({ Name: 'Question_Answer_question', Type: 'Data' })]),
        },
      },
      // the flow is prepared after its role's policy exists
      DependsOn: ['FlowRoleDefaultPolicy79AC5FC2', 'FlowRoleD99EA574'],
    });
  });

  test('renders lazily: a node wired after the Flow is created is included, with its permissions', () => {
    // GIVEN a flow whose condition has no branches yet
    const stack = testStack();
    const doc = new InputNode(stack, 'Doc', { type: FlowDataType.NUMBER });
    const gate = new ConditionNode(stack, 'Gate', { inputs: { size: doc.document } });
    new Flow(stack, 'Flow', { definition: FlowDefinition.fromChainable(doc.next(gate)) });

    // WHEN the branches are added afterwards
    const fn = lambda.Function.fromFunctionArn(stack, 'Big', 'arn:aws:lambda:us-east-1:111122223333:function:big');
    const big = new LambdaFunctionNode(stack, 'HandleBig', { lambdaFunction: fn, inputs: { size: doc.document } });
    gate.when('IsBig', FlowCondition.greaterThan('size', 100), big).otherwise(new OutputNode(stack, 'Small', { document: doc.document }));
    big.next(new OutputNode(stack, 'BigOut'));

    // THEN
    const template = Template.fromStack(stack);
    const flow = Object.values(template.findResources('AWS::Bedrock::Flow'))[0];
    expect(flow.Properties.Definition.Nodes.map((n: any) => n.Name)).toEqual(['Doc', 'Gate', 'HandleBig', 'Small', 'BigOut']);
    template.hasResourceProperties('AWS::IAM::Policy', {
      PolicyDocument: { Statement: [Match.objectLike({ Action: 'lambda:InvokeFunction' })] },
    });
  });

  test('uses the given role and adds the node permissions to it', () => {
    const stack = testStack();
    const role = new iam.Role(stack, 'MyRole', { assumedBy: new iam.ServicePrincipal('bedrock.amazonaws.com') });
    simpleFlow(stack, { role, flowName: 'my-flow', description: 'Answers questions' });
    const template = Template.fromStack(stack);
    template.resourceCountIs('AWS::IAM::Role', 1);
    template.hasResourceProperties('AWS::Bedrock::Flow', {
      Name: 'my-flow',
      Description: 'Answers questions',
      ExecutionRoleArn: { 'Fn::GetAtt': ['MyRoleF48FFE04', 'Arn'] },
    });
    template.hasResourceProperties('AWS::IAM::Policy', {
      Roles: [{ Ref: 'MyRoleF48FFE04' }],
      PolicyDocument: { Statement: [Match.objectLike({ Action: 'bedrock:InvokeModel' })] },
    });
  });

  test('warns with the permissions it could not add to a role that refuses statements', () => {
    const stack = testStack();
    const role = iam.Role.fromRoleArn(stack, 'Existing', 'arn:aws:iam::111122223333:role/flow-role', { mutable: false, addGrantsToResources: true });
    simpleFlow(stack, { role });
    Annotations.fromStack(stack).hasWarning('/TestStack/Flow', Match.stringLikeRegexp(
      "the flow's role cannot be changed here; make sure it allows: bedrock:InvokeModel \\(Prompt node 'Answer' invokes its model\\)",
    ));
  });

  test('lists what the definition needs when the role is not its own', () => {
    const stack = testStack();
    const role = iam.Role.fromRoleArn(stack, 'Existing', 'arn:aws:iam::111122223333:role/flow-role', { mutable: false });
    simpleFlow(stack, { role });
    Annotations.fromStack(stack).hasInfo('/TestStack/Flow', Match.stringLikeRegexp(
      "the flow runs as a role it did not create; its definition needs: bedrock:InvokeModel \\(Prompt node 'Answer' invokes its model\\)",
    ));
  });

  test('encrypts with a customer managed key and lets the role use it for Bedrock flows only', () => {
    const stack = testStack();
    const key = new kms.Key(stack, 'Key');
    simpleFlow(stack, { encryptionKey: key });
    const template = Template.fromStack(stack);
    template.hasResourceProperties('AWS::Bedrock::Flow', { CustomerEncryptionKeyArn: { 'Fn::GetAtt': ['Key961B73FD', 'Arn'] } });
    template.hasResourceProperties('AWS::IAM::Policy', {
      PolicyDocument: {
        Statement: Match.arrayWith([{
          Action: ['kms:Decrypt', 'kms:GenerateDataKey'],
          Effect: 'Allow',
          Resource: { 'Fn::GetAtt': ['Key961B73FD', 'Arn'] },
          Condition: {
            StringLike: { 'kms:EncryptionContext:aws:bedrock-flows:arn': { 'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, ':bedrock:us-east-1:111122223333:flow/*']] } },
            StringEquals: { 'kms:ViaService': { 'Fn::Join': ['', ['bedrock.us-east-1.', { Ref: 'AWS::URLSuffix' }]] } },
          },
        }]),
      },
    });
  });

  test('fails synth with the flow path, the rule, the node and the fix', () => {
    // GIVEN a flow with no Output node
    const stack = testStack();
    const doc = new InputNode(stack, 'Doc');
    const fn = lambda.Function.fromFunctionArn(stack, 'Fn', 'arn:aws:lambda:us-east-1:111122223333:function:f');
    new Flow(stack, 'Flow', { definition: FlowDefinition.fromChainable(doc.next(new LambdaFunctionNode(stack, 'Sink', { lambdaFunction: fn }))) });

    // THEN
    expect(() => Template.fromStack(stack)).toThrow(
      /\[TestStack\/Flow\] MissingEndingNodes: the flow has no Output node: add one \(new OutputNode\(\.\.\.\)\) at the end of each branch/,
    );
  });

  test('throws on an invalid flow name or description', () => {
    expect(() => simpleFlow(testStack(), { flowName: 'my flow' })).toThrow(/flow name 'my flow' is not valid/);
    expect(() => simpleFlow(testStack(), { description: 'x'.repeat(201) })).toThrow(/must be 1–200 characters, got 201/);
  });

  test('imports a flow by ARN', () => {
    const stack = testStack();
    const flow = Flow.fromFlowArn(stack, 'Imported', 'arn:aws:bedrock:us-east-1:111122223333:flow/FLOW123456');
    expect(flow.flowId).toBe('FLOW123456');
    expect(flow.flowRef.flowArn).toBe('arn:aws:bedrock:us-east-1:111122223333:flow/FLOW123456');
    expect(() => Flow.fromFlowArn(stack, 'Bad', 'arn:aws:bedrock:us-east-1:111122223333:agent/FLOW123456')).toThrow(/is not a flow ARN/);
  });

  test('grant() gives the actions on the flow ARN', () => {
    const { stack, flow } = simpleFlow();
    const user = new iam.User(stack, 'User');
    flow.grant(user, 'bedrock:GetFlow');
    Template.fromStack(stack).hasResourceProperties('AWS::IAM::Policy', {
      Users: [{ Ref: 'User00B015A1' }],
      PolicyDocument: { Statement: [{ Action: 'bedrock:GetFlow', Effect: 'Allow', Resource: { 'Fn::GetAtt': ['FlowA74D6E88', 'Arn'] } }] },
    });
  });
});
