import { Stack } from 'aws-cdk-lib';
import * as kms from 'aws-cdk-lib/aws-kms';
import * as s3 from 'aws-cdk-lib/aws-s3';
import { CTX, expectFlowStatements, partitionArn } from './helpers';
import { FlowDataType, InputNode, OutputNode, StorageNode } from '../../src';
import { deriveFlowPermissions } from '../../src/permissions';
import { testStack } from '../util/render';

describe('Storage node permissions', () => {
  let stack: Stack;
  let input: InputNode;
  beforeEach(() => {
    stack = testStack();
    input = new InputNode(stack, 'FlowInput');
  });
  const key = () => input.document.at('$.data.key', FlowDataType.STRING);

  test('grants s3:PutObject on the objects of the bucket named in the definition', () => {
    // GIVEN
    const save = new StorageNode(stack, 'Save', { bucketName: 'my-flow-output-bucket', objectKey: key() });

    // WHEN / THEN
    expectFlowStatements(stack, input.next(save).next(new OutputNode(stack, 'Out')), [
      { Action: 's3:PutObject', Resource: partitionArn(':s3:::my-flow-output-bucket/*') },
    ]);
  });

  test('a key prefix narrows the grant to the objects under it', () => {
    // GIVEN
    const save = new StorageNode(stack, 'Save', { bucketName: 'my-flow-output-bucket', keyPrefix: 'answers/', objectKey: key() });

    // WHEN / THEN
    expectFlowStatements(stack, input.next(save).next(new OutputNode(stack, 'Out')), [
      { Action: 's3:PutObject', Resource: partitionArn(':s3:::my-flow-output-bucket/answers/*') },
    ]);
  });

  test('a KMS-encrypted bucket adds kms:GenerateDataKey on its key', () => {
    // GIVEN
    const bucket = new s3.Bucket(stack, 'Results', { encryption: s3.BucketEncryption.KMS });
    const save = new StorageNode(stack, 'Save', { bucket, objectKey: key() });

    // WHEN / THEN
    const bucketRef = { Ref: stack.getLogicalId(bucket.node.defaultChild as s3.CfnBucket) };
    const keyArn = { 'Fn::GetAtt': [stack.getLogicalId(bucket.encryptionKey!.node.defaultChild as kms.CfnKey), 'Arn'] };
    expectFlowStatements(stack, input.next(save).next(new OutputNode(stack, 'Out')), [
      { Action: 's3:PutObject', Resource: { 'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, ':s3:::', bucketRef, '/*']] } },
      { Action: 'kms:GenerateDataKey', Resource: keyArn },
    ]);
  });

  test('an encryption key given with a bucket name is granted too', () => {
    // GIVEN
    const encryptionKey = kms.Key.fromKeyArn(stack, 'Key', 'arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab');
    const save = new StorageNode(stack, 'Save', { bucketName: 'my-bucket', encryptionKey, objectKey: key() });

    // WHEN / THEN
    expectFlowStatements(stack, input.next(save).next(new OutputNode(stack, 'Out')), [
      { Action: 's3:PutObject', Resource: partitionArn(':s3:::my-bucket/*') },
      { Action: 'kms:GenerateDataKey', Resource: 'arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab' },
    ]);
  });

  test('derives PutObject on the whole bucket from a JSON definition', () => {
    const definition = {
      nodes: [{ name: 'Save', type: 'Storage', configuration: { storage: { serviceConfiguration: { s3: { bucketName: 'my-bucket' } } } } }],
    };
    expect(deriveFlowPermissions(definition, CTX).map(p => [p.actions, p.resources])).toStrictEqual([
      [['s3:PutObject'], ['arn:aws:s3:::my-bucket/*']],
    ]);
  });

  test('derives nothing from a Storage node without a bucket name', () => {
    expect(deriveFlowPermissions({ nodes: [{ name: 'Save', type: 'Storage', configuration: { storage: {} } }] }, CTX)).toStrictEqual([]);
  });
});
