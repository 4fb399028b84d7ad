import { Stack } from 'aws-cdk-lib';
import * as kms from 'aws-cdk-lib/aws-kms';
import * as s3 from 'aws-cdk-lib/aws-s3';
import { CTX, expectFlowStatements, partitionArn } from './helpers';
import { FlowDataType, InputNode, OutputNode, RetrievalNode } from '../../src';
import { deriveFlowPermissions } from '../../src/permissions';
import { testStack } from '../util/render';

describe('Retrieval node permissions', () => {
  let stack: Stack;
  let input: InputNode;
  beforeEach(() => {
    stack = testStack();
    input = new InputNode(stack, 'FlowInput', { type: FlowDataType.STRING });
  });

  test('grants s3:GetObject on the objects of the bucket', () => {
    // GIVEN
    const load = new RetrievalNode(stack, 'Load', { bucketName: 'my-flow-input-bucket' });

    // WHEN / THEN
    expectFlowStatements(stack, input.next(load).next(new OutputNode(stack, 'Out')), [
      { Action: 's3:GetObject', Resource: partitionArn(':s3:::my-flow-input-bucket/*') },
    ]);
  });

  test('a key prefix narrows the grant, and a bucket key adds kms:Decrypt', () => {
    // GIVEN
    const encryptionKey = new kms.Key(stack, 'Key');
    const bucket = new s3.Bucket(stack, 'Templates', { encryptionKey });
    const load = new RetrievalNode(stack, 'Load', { bucket, keyPrefix: 'templates/' });

    // WHEN / THEN
    const bucketRef = { Ref: stack.getLogicalId(bucket.node.defaultChild as s3.CfnBucket) };
    expectFlowStatements(stack, input.next(load).next(new OutputNode(stack, 'Out')), [
      { Action: 's3:GetObject', Resource: { 'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, ':s3:::', bucketRef, '/templates/*']] } },
      { Action: 'kms:Decrypt', Resource: { 'Fn::GetAtt': [stack.getLogicalId(encryptionKey.node.defaultChild as kms.CfnKey), 'Arn'] } },
    ]);
  });

  test('derives GetObject on the whole bucket from a JSON definition', () => {
    const definition = {
      nodes: [{ name: 'Load', type: 'Retrieval', configuration: { retrieval: { serviceConfiguration: { s3: { bucketName: '${Bucket}' } } } } }],
    };
    expect(deriveFlowPermissions(definition, CTX).map(p => [p.actions, p.resources])).toStrictEqual([
      [['s3:GetObject'], ['arn:aws:s3:::${Bucket}/*']],
    ]);
  });
});
