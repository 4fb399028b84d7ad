import { Token } from 'aws-cdk-lib';
import { mergePermissions } from '../../src/permissions';

describe('mergePermissions', () => {
  test('merges permissions with the same actions and conditions, keeping resources in order without duplicates', () => {
    // GIVEN
    const token = Token.asString({ 'Fn::GetAtt': ['Fn', 'Arn'] });
    const merged = mergePermissions([
      { actions: ['lambda:InvokeFunction'], resources: ['arn:a', 'arn:a:*'], reason: 'A' },
      { actions: ['bedrock:InvokeModel'], resources: ['arn:m'], reason: 'M' },
      { actions: ['lambda:InvokeFunction'], resources: [token, 'arn:a'], reason: 'B' },
      { actions: ['kms:Decrypt'], resources: ['arn:k'], conditions: { StringEquals: { x: '1' } }, reason: 'K1' },
      { actions: ['kms:Decrypt'], resources: ['arn:k2'], reason: 'K2' },
    ]);

    // THEN
    expect(merged).toEqual([
      { actions: ['lambda:InvokeFunction'], resources: ['arn:a', 'arn:a:*', token], reason: 'A; B' },
      { actions: ['bedrock:InvokeModel'], resources: ['arn:m'], reason: 'M' },
      { actions: ['kms:Decrypt'], resources: ['arn:k'], conditions: { StringEquals: { x: '1' } }, reason: 'K1' },
      { actions: ['kms:Decrypt'], resources: ['arn:k2'], reason: 'K2' },
    ]);
  });

  test('keeps permissions with different action lists apart', () => {
    const merged = mergePermissions([
      { actions: ['bedrock:InvokeModel'], resources: ['arn:p'], reason: 'P' },
      { actions: ['bedrock:InvokeModel', 'bedrock:GetInferenceProfile'], resources: ['arn:p'], reason: 'Q' },
    ]);
    expect(merged).toHaveLength(2);
  });
});
