import { App } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { QuickstartStack } from '../example/quickstart-stack';

describe('the example app (README quick-start)', () => {
  test('synthesizes a flow, a version, an alias and a role that names the exact model and Lambda ARNs', () => {
    // GIVEN / WHEN
    const stack = new QuickstartStack(new App(), 'Quickstart', { env: { account: '111122223333', region: 'us-east-1' } });
    const template = Template.fromStack(stack);

    // THEN
    template.resourceCountIs('AWS::Bedrock::Flow', 1);
    template.resourceCountIs('AWS::Bedrock::FlowVersion', 1);
    template.resourceCountIs('AWS::Bedrock::FlowAlias', 1);
    const flowRole = Object.keys(template.findResources('AWS::IAM::Role', {
      Properties: { AssumeRolePolicyDocument: { Statement: [Match.objectLike({ Principal: { Service: 'bedrock.amazonaws.com' } })] } },
    }));
    expect(flowRole).toHaveLength(1);
    template.hasResourceProperties('AWS::IAM::Policy', {
      Roles: [{ Ref: flowRole[0] }],
      PolicyDocument: {
        Statement: [
          {
            Action: 'bedrock:InvokeModel',
            Effect: 'Allow',
            Resource: [
              { 'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, ':bedrock:us-east-1:111122223333:inference-profile/us.anthropic.claude-3-5-haiku-20241022-v1:0']] },
              { 'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, ':bedrock:*::foundation-model/anthropic.claude-3-5-haiku-20241022-v1:0']] },
              { 'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, ':bedrock:us-east-1::foundation-model/amazon.nova-lite-v1:0']] },
            ],
          },
          {
            Action: 'lambda:InvokeFunction',
            Effect: 'Allow',
            Resource: [
              { 'Fn::GetAtt': [Match.stringLikeRegexp('^NotifyLegal'), 'Arn'] },
              { 'Fn::Join': ['', [{ 'Fn::GetAtt': [Match.stringLikeRegexp('^NotifyLegal'), 'Arn'] }, ':*']] },
            ],
          },
        ],
      },
    });
    template.hasResourceProperties('AWS::IAM::Policy', {
      PolicyDocument: { Statement: [{ Action: 'bedrock:InvokeFlow', Effect: 'Allow', Resource: { 'Fn::GetAtt': [Match.stringLikeRegexp('^ContractTriageAliaslive'), 'Arn'] } }] },
    });
  });
});
