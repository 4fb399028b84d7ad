import { Stack } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import { Flow, FlowDataType, FlowDefinition, InputNode, LambdaFunctionNode, OutputNode } from '../../src';
import { nodeOf, renderDefinition, testStack } from '../util/render';

function newFunction(stack: any) {
  return new lambda.Function(stack, 'Fn', {
    runtime: lambda.Runtime.NODEJS_22_X,
    handler: 'index.handler',
    code: lambda.Code.fromInline('exports.handler = async () => ({})'),
  });
}

describe('LambdaFunctionNode', () => {
  test('renders the function ARN, the named inputs and the response type', () => {
    // GIVEN
    const stack = testStack();
    const doc = new InputNode(stack, 'Ticket');
    const enrich = new LambdaFunctionNode(stack, 'Enrich', {
      lambdaFunction: lambda.Function.fromFunctionArn(stack, 'Imported', 'arn:aws:lambda:us-east-1:111122223333:function:enrich-ticket'),
      inputs: { ticketId: doc.document.at('$.data.id', FlowDataType.STRING), payload: doc.document },
      responseType: FlowDataType.STRING,
    });
    enrich.next(new OutputNode(stack, 'Out'));

    // THEN
    expect(nodeOf(renderDefinition(stack, doc), 'Enrich')).toStrictEqual({
      name: 'Enrich',
      type: 'LambdaFunction',
      configuration: { lambdaFunction: { lambdaArn: 'arn:aws:lambda:us-east-1:111122223333:function:enrich-ticket' } },
      inputs: [
        { name: 'ticketId', type: 'String', expression: '$.data.id' },
        { name: 'payload', type: 'Object', expression: '$.data' },
      ],
      outputs: [{ name: 'functionResponse', type: 'String' }],
    });
  });

  test('grants lambda:InvokeFunction on the function and its qualified ARNs', () => {
    // GIVEN
    const stack = testStack();
    const doc = new InputNode(stack, 'Doc');
    const enrich = new LambdaFunctionNode(stack, 'Enrich', { lambdaFunction: newFunction(stack) });

    // WHEN
    new Flow(stack, 'Flow', { definition: FlowDefinition.fromChainable(doc.next(enrich).next(new OutputNode(stack, 'Out'))) });

    // THEN
    Template.fromStack(stack).hasResourceProperties('AWS::IAM::Policy', {
      Roles: [{ Ref: 'FlowRoleD99EA574' }],
      PolicyDocument: {
        Statement: [{
          Action: 'lambda:InvokeFunction',
          Effect: 'Allow',
          Resource: [
            { 'Fn::GetAtt': ['Fn9270CBC0', 'Arn'] },
            { 'Fn::Join': ['', [{ 'Fn::GetAtt': ['Fn9270CBC0', 'Arn'] }, ':*']] },
          ],
        }],
      },
    });
  });

  test('grants only the qualified ARN for a version or alias', () => {
    const stack = testStack();
    const doc = new InputNode(stack, 'Doc');
    const alias = lambda.Function.fromFunctionArn(stack, 'Live', 'arn:aws:lambda:us-east-1:111122223333:function:enrich:live');
    const enrich = new LambdaFunctionNode(stack, 'Enrich', { lambdaFunction: alias });
    new Flow(stack, 'Flow', { definition: FlowDefinition.fromChainable(doc.next(enrich).next(new OutputNode(stack, 'Out'))) });
    Template.fromStack(stack).hasResourceProperties('AWS::IAM::Policy', {
      PolicyDocument: {
        Statement: [{ Action: 'lambda:InvokeFunction', Effect: 'Allow', Resource: 'arn:aws:lambda:us-east-1:111122223333:function:enrich:live' }],
      },
    });
  });

  test('takes an L1 CfnFunction: renders and grants its Arn attribute', () => {
    // GIVEN
    const stack = testStack();
    const doc = new InputNode(stack, 'Doc');
    const fn = new lambda.CfnFunction(stack, 'L1Fn', {
      role: 'arn:aws:iam::111122223333:role/fn-role', runtime: 'nodejs22.x', handler: 'index.handler', code: { zipFile: 'exports.handler = async () => ({})' },
    });

    // WHEN
    const enrich = new LambdaFunctionNode(stack, 'Enrich', { lambdaFunction: fn });
    new Flow(stack, 'Flow', { definition: FlowDefinition.fromChainable(doc.next(enrich).next(new OutputNode(stack, 'Out'))) });

    // THEN
    const template = Template.fromStack(stack);
    const arn = { 'Fn::GetAtt': ['L1Fn', 'Arn'] };
    template.hasResourceProperties('AWS::Bedrock::Flow', {
      Definition: { Nodes: Match.arrayWith([Match.objectLike({ Name: 'Enrich', Configuration: { LambdaFunction: { LambdaArn: arn } } })]) },
    });
    template.hasResourceProperties('AWS::IAM::Policy', {
      PolicyDocument: { Statement: [{ Action: 'lambda:InvokeFunction', Effect: 'Allow', Resource: [arn, { 'Fn::Join': ['', [arn, ':*']] }] }] },
    });
  });

  test('takes a CfnFunction.fromFunctionArn reference as it takes Function.fromFunctionArn', () => {
    // GIVEN
    const arn = 'arn:aws:lambda:us-east-1:111122223333:function:enrich-ticket';
    const render = (ref: (stack: Stack) => lambda.IFunctionRef) => {
      const stack = testStack();
      const doc = new InputNode(stack, 'Doc');
      const enrich = new LambdaFunctionNode(stack, 'Enrich', { lambdaFunction: ref(stack) });
      new Flow(stack, 'Flow', { definition: FlowDefinition.fromChainable(doc.next(enrich).next(new OutputNode(stack, 'Out'))) });
      const template = Template.fromStack(stack).toJSON();
      return Object.values(template.Resources).filter((r: any) => r.Type !== 'AWS::CDK::Metadata');
    };

    // WHEN
    const l1 = render(stack => lambda.CfnFunction.fromFunctionArn(stack, 'Fn', arn));
    const l2 = render(stack => lambda.Function.fromFunctionArn(stack, 'Fn', arn));

    // THEN
    expect(l1).toStrictEqual(l2);
    expect(JSON.stringify(l1)).toContain(`"LambdaArn":"${arn}"`);
  });
});
