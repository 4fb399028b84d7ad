import { Token } from 'aws-cdk-lib';
import * as bedrock from 'aws-cdk-lib/aws-bedrock';
import { FlowModel } from '../src';
import { testStack } from './util/render';
import { modelPermissions } from '../src/permissions/models';

const ctx = { partition: 'aws', region: 'us-east-1', account: '111122223333' };
const resourcesOf = (modelId: string) => modelPermissions(modelId, ctx, 'test').map(p => [p.actions, p.resources]);

describe('model permissions', () => {
  test('a foundation model id grants the model in the flow Region', () => {
    expect(resourcesOf('anthropic.claude-3-haiku-20240307-v1:0')).toEqual([
      [['bedrock:InvokeModel'], ['arn:aws:bedrock:us-east-1::foundation-model/anthropic.claude-3-haiku-20240307-v1:0']],
    ]);
  });

  test.each(['us', 'eu', 'apac', 'global', 'us-gov', 'jp'])('a %s. cross-Region profile grants the profile and the model in every Region', (geo) => {
    expect(resourcesOf(`${geo}.amazon.nova-pro-v1:0`)).toEqual([[['bedrock:InvokeModel'], [
      `arn:aws:bedrock:us-east-1:111122223333:inference-profile/${geo}.amazon.nova-pro-v1:0`,
      'arn:aws:bedrock:*::foundation-model/amazon.nova-pro-v1:0',
    ]]]);
  });

  test('ARNs grant what their resource type needs', () => {
    expect(resourcesOf('arn:aws:bedrock:us-west-2::foundation-model/amazon.titan-text-express-v1')).toEqual([
      [['bedrock:InvokeModel'], ['arn:aws:bedrock:us-west-2::foundation-model/amazon.titan-text-express-v1']],
    ]);
    expect(resourcesOf('arn:aws:bedrock:us-east-1:111122223333:inference-profile/us.amazon.nova-pro-v1:0')).toEqual([
      [['bedrock:InvokeModel'], [
        'arn:aws:bedrock:us-east-1:111122223333:inference-profile/us.amazon.nova-pro-v1:0',
        'arn:aws:bedrock:*::foundation-model/amazon.nova-pro-v1:0',
      ]],
    ]);
    expect(resourcesOf('arn:aws:bedrock:us-east-1:111122223333:application-inference-profile/abc123')).toEqual([
      [['bedrock:InvokeModel', 'bedrock:GetInferenceProfile'], ['arn:aws:bedrock:us-east-1:111122223333:application-inference-profile/abc123']],
    ]);
    expect(resourcesOf('arn:aws:bedrock:us-east-1:111122223333:provisioned-model/pm1')[0][0]).toEqual(['bedrock:InvokeModel', 'bedrock:GetProvisionedModelThroughput']);
    expect(resourcesOf('arn:aws:bedrock:us-east-1:111122223333:custom-model/cm1')[0][0]).toEqual(['bedrock:InvokeModel', 'bedrock:GetCustomModel']);
  });

  test('a token is taken as an ARN', () => {
    const token = Token.asString({ Ref: 'ModelArn' });
    expect(resourcesOf(token)).toEqual([[['bedrock:InvokeModel'], [token]]]);
  });
});

describe('FlowModel', () => {
  test('foundationModel renders the id, and an ARN when the id is a token', () => {
    const stack = testStack();
    expect(FlowModel.foundationModel('amazon.nova-lite-v1:0').modelId).toBe('amazon.nova-lite-v1:0');
    const model = FlowModel.foundationModel(Token.asString({ Ref: 'ModelId' }));
    expect(stack.resolve(model.modelId)).toEqual({
      'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, ':bedrock:', { Ref: 'AWS::Region' }, '::foundation-model/', { Ref: 'ModelId' }]],
    });
  });

  test('throws when the id does not match the factory', () => {
    expect(() => FlowModel.foundationModel('us.amazon.nova-lite-v1:0')).toThrow(/is a cross-Region inference profile id; use FlowModel.crossRegion/);
    expect(() => FlowModel.crossRegion('amazon.nova-lite-v1:0')).toThrow(/is not a cross-Region inference profile id/);
    expect(() => FlowModel.crossRegion(Token.asString({ Ref: 'P' }))).toThrow(/needs a concrete inference profile id/);
  });

  test('an application inference profile adds the models it routes to', () => {
    const model = FlowModel.applicationInferenceProfile('arn:aws:bedrock:us-east-1:111122223333:application-inference-profile/abc123', [
      'arn:aws:bedrock:us-east-1::foundation-model/amazon.nova-lite-v1:0',
    ]);
    expect(model._extraPermissions(ctx, 'r').map(p => p.resources)).toEqual([['arn:aws:bedrock:us-east-1::foundation-model/amazon.nova-lite-v1:0']]);
  });

  test('a profile defined in the app grants GetInferenceProfile on its token ARN and its source model', () => {
    const stack = testStack();
    const profile = new bedrock.CfnApplicationInferenceProfile(stack, 'Profile', {
      inferenceProfileName: 'contracts',
      modelSource: { copyFrom: 'arn:aws:bedrock:us-east-1::foundation-model/amazon.nova-lite-v1:0' },
    });
    const model = FlowModel.fromCfnApplicationInferenceProfile(profile);
    expect(stack.resolve(model.modelId)).toEqual({ 'Fn::GetAtt': ['Profile', 'InferenceProfileArn'] });
    expect(stack.resolve(model._extraPermissions(ctx, 'r').map(p => [p.actions, p.resources]))).toEqual([
      [['bedrock:InvokeModel'], ['arn:aws:bedrock:us-east-1::foundation-model/amazon.nova-lite-v1:0']],
      [['bedrock:GetInferenceProfile'], [{ 'Fn::GetAtt': ['Profile', 'InferenceProfileArn'] }]],
    ]);
  });
});
