import { Template } from 'aws-cdk-lib/assertions';
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
});
