import { App, Lazy, Stack } from 'aws-cdk-lib';
import { Annotations, Match, Template } from 'aws-cdk-lib/assertions';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import { Flow, FlowDefinition, InputNode, LambdaFunctionNode, OutputNode } from '../../src';
import { FlowLambdaPermission } from '../../src/targets';
import { testStack } from '../util/render';

const REMOTE_ARN = 'arn:aws:lambda:us-east-1:444455556666:function:enrich-ticket';

describe('LambdaFunctionNode with a function in another account', () => {
  test('warns naming the resource policy the function needs, and still grants the role InvokeFunction', () => {
    // GIVEN
    const stack = testStack();
    const input = new InputNode(stack, 'FlowInput');
    const enrich = new LambdaFunctionNode(stack, 'Enrich', { lambdaFunction: lambda.Function.fromFunctionArn(stack, 'Remote', REMOTE_ARN) });

    // WHEN
    new Flow(stack, 'Flow', { definition: FlowDefinition.fromChainable(input.next(enrich).next(new OutputNode(stack, 'Out'))) });

    // THEN
    Annotations.fromStack(stack).hasWarning('/TestStack/Enrich', Match.stringLikeRegexp(
      `the function ${REMOTE_ARN} is in account 444455556666, not the flow's account 111122223333: its resource policy must allow `
      + 'lambda:InvokeFunction for the flow\'s service role \\(principal = the role ARN\\)\\. In a stack of account 444455556666, '
      + 'add new FlowLambdaPermission\\(scope, \'AllowFlow\', \\{ lambdaFunction, flowRoleArn \\}\\)'));
    Template.fromStack(stack).hasResourceProperties('AWS::IAM::Policy', {
      PolicyDocument: { Statement: [{ Effect: 'Allow', Action: 'lambda:InvokeFunction', Resource: [REMOTE_ARN, `${REMOTE_ARN}:*`] }] },
    });
  });

  test('warns for an L1 reference to a function in another account (CfnFunction.fromFunctionArn)', () => {
    // GIVEN
    const stack = testStack();
    const input = new InputNode(stack, 'FlowInput');

    // WHEN
    const enrich = new LambdaFunctionNode(stack, 'Enrich', { lambdaFunction: lambda.CfnFunction.fromFunctionArn(stack, 'Remote', REMOTE_ARN) });
    new Flow(stack, 'Flow', { definition: FlowDefinition.fromChainable(input.next(enrich).next(new OutputNode(stack, 'Out'))) });

    // THEN
    Annotations.fromStack(stack).hasWarning('/TestStack/Enrich',
      Match.stringLikeRegexp(`the function ${REMOTE_ARN} is in account 444455556666, not the flow's account 111122223333`));
  });

  test('does not warn for a function in the flow\'s account', () => {
    // GIVEN
    const stack = testStack();
    const input = new InputNode(stack, 'FlowInput');
    const fn = lambda.Function.fromFunctionArn(stack, 'Local', 'arn:aws:lambda:us-east-1:111122223333:function:enrich-ticket');

    // WHEN
    const enrich = new LambdaFunctionNode(stack, 'Enrich', { lambdaFunction: fn });
    new Flow(stack, 'Flow', { definition: FlowDefinition.fromChainable(input.next(enrich).next(new OutputNode(stack, 'Out'))) });

    // THEN
    Annotations.fromStack(stack).hasNoWarning('/TestStack/Enrich', Match.anyValue());
  });

  test('does not warn when an account is not known at synth time', () => {
    const stack = new Stack(new App(), 'Agnostic');
    const enrich = new LambdaFunctionNode(stack, 'Enrich', { lambdaFunction: lambda.Function.fromFunctionArn(stack, 'Remote', REMOTE_ARN) });
    expect(enrich.node.metadata.filter(m => m.type === 'aws:cdk:warning')).toStrictEqual([]);
  });
});

describe('FlowLambdaPermission', () => {
  test('adds lambda:InvokeFunction for the flow role to the function\'s resource policy', () => {
    // GIVEN
    const stack = new Stack(new App(), 'FunctionStack', { env: { account: '444455556666', region: 'us-east-1' } });
    const fn = new lambda.Function(stack, 'Enrich', {
      runtime: lambda.Runtime.NODEJS_22_X,
      handler: 'index.handler',
      code: lambda.Code.fromInline('exports.handler = async () => ({});'),
    });

    // WHEN
    new FlowLambdaPermission(stack, 'AllowFlow', { lambdaFunction: fn, flowRoleArn: 'arn:aws:iam::111122223333:role/contract-flow-role' });

    // THEN
    Template.fromStack(stack).hasResourceProperties('AWS::Lambda::Permission', {
      Action: 'lambda:InvokeFunction',
      FunctionName: { 'Fn::GetAtt': [Match.stringLikeRegexp('^Enrich'), 'Arn'] },
      Principal: 'arn:aws:iam::111122223333:role/contract-flow-role',
    });
  });

  test('takes an L1 CfnFunction', () => {
    // GIVEN
    const stack = new Stack(new App(), 'FunctionStack', { env: { account: '444455556666', region: 'us-east-1' } });
    const fn = new lambda.CfnFunction(stack, 'Enrich', {
      role: 'arn:aws:iam::444455556666:role/fn-role', runtime: 'nodejs22.x', handler: 'index.handler', code: { zipFile: 'exports.handler = async () => ({})' },
    });

    // WHEN
    new FlowLambdaPermission(stack, 'AllowFlow', { lambdaFunction: fn, flowRoleArn: 'arn:aws:iam::111122223333:role/contract-flow-role' });

    // THEN
    Template.fromStack(stack).hasResourceProperties('AWS::Lambda::Permission', {
      Action: 'lambda:InvokeFunction',
      FunctionName: { 'Fn::GetAtt': ['Enrich', 'Arn'] },
      Principal: 'arn:aws:iam::111122223333:role/contract-flow-role',
    });
  });

  test('accepts a role ARN that is a token', () => {
    const stack = testStack();
    const fn = lambda.Function.fromFunctionArn(stack, 'Fn', REMOTE_ARN);
    expect(() => new FlowLambdaPermission(stack, 'AllowFlow', { lambdaFunction: fn, flowRoleArn: Lazy.string({ produce: () => 'x' }) })).not.toThrow();
  });

  test('throws when the principal is not a role ARN', () => {
    const stack = testStack();
    const fn = lambda.Function.fromFunctionArn(stack, 'Fn', REMOTE_ARN);
    expect(() => new FlowLambdaPermission(stack, 'AllowFlow', { lambdaFunction: fn, flowRoleArn: 'arn:aws:iam::111122223333:user/alice' }))
      .toThrow(/'arn:aws:iam::111122223333:user\/alice' is not an IAM role ARN \(arn:<partition>:iam::<account>:role\/<name>\)/);
  });
});
