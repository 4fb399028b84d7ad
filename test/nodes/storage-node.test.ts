import { Lazy, Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import * as s3 from 'aws-cdk-lib/aws-s3';
import { Flow, FlowDataType, FlowDefinition, InputNode, OutputNode, StorageNode } from '../../src';
import { nodeOf, renderDefinition, testStack } from '../util/render';

describe('StorageNode', () => {
  let stack: Stack;
  let input: InputNode;
  beforeEach(() => {
    stack = testStack();
    input = new InputNode(stack, 'FlowInput');
  });

  test('renders the bucket name, the content and objectKey inputs and the s3Uri output', () => {
    // GIVEN
    const save = new StorageNode(stack, 'SaveAnswer', {
      bucketName: 'my-flow-output-bucket',
      content: input.document.at('$.data.answer', FlowDataType.STRING),
      objectKey: input.document.at('$.data.key', FlowDataType.STRING),
    });

    // WHEN
    const definition = renderDefinition(stack, input.next(save).next(new OutputNode(stack, 'FlowOutput')));

    // THEN
    expect(definition).toStrictEqual({
      nodes: [
        { name: 'FlowInput', type: 'Input', configuration: { input: {} }, outputs: [{ name: 'document', type: 'Object' }] },
        {
          name: 'SaveAnswer',
          type: 'Storage',
          configuration: { storage: { serviceConfiguration: { s3: { bucketName: 'my-flow-output-bucket' } } } },
          inputs: [
            { name: 'content', type: 'String', expression: '$.data.answer' },
            { name: 'objectKey', type: 'String', expression: '$.data.key' },
          ],
          outputs: [{ name: 's3Uri', type: 'String' }],
        },
        {
          name: 'FlowOutput',
          type: 'Output',
          configuration: { output: {} },
          inputs: [{ name: 'document', type: 'String', expression: '$.data' }],
        },
      ],
      connections: [
        {
          name: 'FlowInput_SaveAnswer_content',
          type: 'Data',
          source: 'FlowInput',
          target: 'SaveAnswer',
          configuration: { data: { sourceOutput: 'document', targetInput: 'content' } },
        },
        {
          name: 'FlowInput_SaveAnswer_objectKey',
          type: 'Data',
          source: 'FlowInput',
          target: 'SaveAnswer',
          configuration: { data: { sourceOutput: 'document', targetInput: 'objectKey' } },
        },
        {
          name: 'SaveAnswer_FlowOutput_document',
          type: 'Data',
          source: 'SaveAnswer',
          target: 'FlowOutput',
          configuration: { data: { sourceOutput: 's3Uri', targetInput: 'document' } },
        },
      ],
    });
  });

  test('content takes the type of its source, and next() binds the unbound input', () => {
    // GIVEN
    const save = new StorageNode(stack, 'Save', { bucketName: 'my-bucket', objectKey: input.document.at('$.data.key', FlowDataType.STRING) });

    // WHEN
    const node = nodeOf(renderDefinition(stack, input.next(save)), 'Save');

    // THEN
    expect(node.inputs).toStrictEqual([
      { name: 'content', type: 'Object', expression: '$.data' },
      { name: 'objectKey', type: 'String', expression: '$.data.key' },
    ]);
  });

  test('takes the bucket name from an s3.IBucket (a token)', () => {
    // GIVEN
    const bucket = new s3.Bucket(stack, 'Results');
    const save = new StorageNode(stack, 'Save', { bucket, objectKey: input.document.at('$.data.key', FlowDataType.STRING) });

    // WHEN / THEN
    expect(nodeOf(renderDefinition(stack, input.next(save)), 'Save').configuration).toStrictEqual({
      storage: { serviceConfiguration: { s3: { bucketName: { Ref: stack.getLogicalId(bucket.node.defaultChild as s3.CfnBucket) } } } },
    });
    expect(save.bucketName).toBe(bucket.bucketName);
  });

  test('does not render the key prefix: it is an IAM limit only', () => {
    const save = new StorageNode(stack, 'Save', { bucketName: 'my-bucket', keyPrefix: 'answers/', objectKey: input.document.at('$.data.k', FlowDataType.STRING) });
    expect(nodeOf(renderDefinition(stack, input.next(save)), 'Save').configuration).toStrictEqual({
      storage: { serviceConfiguration: { s3: { bucketName: 'my-bucket' } } },
    });
  });

  test('accepts a bucket name and key prefix that are tokens', () => {
    expect(() => new StorageNode(stack, 'Save', {
      bucketName: Lazy.string({ produce: () => 'NOT_VALID' }),
      keyPrefix: Lazy.string({ produce: () => '*' }),
    })).not.toThrow();
  });

  test('synthesizes in a Flow', () => {
    // GIVEN
    const bucket = new s3.Bucket(stack, 'Results', { encryption: s3.BucketEncryption.KMS, enforceSSL: true });
    const save = new StorageNode(stack, 'Save', { bucket, objectKey: input.document.at('$.data.key', FlowDataType.STRING) });

    // WHEN
    new Flow(stack, 'Flow', { definition: FlowDefinition.fromChainable(input.next(save).next(new OutputNode(stack, 'Out'))) });

    // THEN
    Template.fromStack(stack).hasResourceProperties('AWS::Bedrock::Flow', {
      Definition: {
        Nodes: [
          { Name: 'FlowInput' },
          {
            Name: 'Save',
            Type: 'Storage',
            Configuration: {
              Storage: { ServiceConfiguration: { S3: { BucketName: { Ref: stack.getLogicalId(bucket.node.defaultChild as s3.CfnBucket) } } } },
            },
            Outputs: [{ Name: 's3Uri', Type: 'String' }],
          },
          { Name: 'Out' },
        ],
      },
    });
  });

  test('throws when neither or both of bucket and bucketName are given', () => {
    expect(() => new StorageNode(stack, 'S1', {})).toThrow(/Storage node 'S1': give either `bucket` \(an s3.IBucket\) or `bucketName`, one is required/);
    expect(() => new StorageNode(stack, 'S2', { bucket: new s3.Bucket(stack, 'B'), bucketName: 'my-bucket' }))
      .toThrow(/give either `bucket` \(an s3.IBucket\) or `bucketName`, not both/);
  });

  test('throws on an invalid bucket name', () => {
    expect(() => new StorageNode(stack, 'S1', { bucketName: 'My_Bucket' })).toThrow(/Storage node 'S1': 'My_Bucket' is not a valid bucket name/);
  });

  test('throws on a key prefix with IAM wildcards or of a bad length', () => {
    expect(() => new StorageNode(stack, 'S1', { bucketName: 'my-bucket', keyPrefix: 'a*/' }))
      .toThrow(/keyPrefix 'a\*\/' cannot contain '\*' or '\?'/);
    expect(() => new StorageNode(stack, 'S2', { bucketName: 'my-bucket', keyPrefix: '' })).toThrow(/keyPrefix must be 1–1024 characters, got 0/);
  });

  test('throws when objectKey is not a String', () => {
    expect(() => new StorageNode(stack, 'S1', { bucketName: 'my-bucket', objectKey: input.document }))
      .toThrow(/input 'objectKey' of node 'S1' takes a String/);
  });
});
