import { Lazy, Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import * as s3 from 'aws-cdk-lib/aws-s3';
import { Flow, FlowDataType, FlowDefinition, InputNode, OutputNode, RetrievalNode } from '../../src';
import { nodeOf, renderDefinition, testStack } from '../util/render';

describe('RetrievalNode', () => {
  let stack: Stack;
  let input: InputNode;
  beforeEach(() => {
    stack = testStack();
    input = new InputNode(stack, 'FlowInput');
  });

  test('renders the bucket name, the objectKey input and the s3Content output', () => {
    // GIVEN
    const load = new RetrievalNode(stack, 'LoadTemplate', {
      bucketName: 'my-flow-input-bucket',
      objectKey: input.document.at('$.data.templateKey', FlowDataType.STRING),
    });

    // WHEN
    const definition = renderDefinition(stack, input.next(load).next(new OutputNode(stack, 'FlowOutput')));

    // THEN
    expect(definition).toStrictEqual({
      nodes: [
        { name: 'FlowInput', type: 'Input', configuration: { input: {} }, outputs: [{ name: 'document', type: 'Object' }] },
        {
          name: 'LoadTemplate',
          type: 'Retrieval',
          configuration: { retrieval: { serviceConfiguration: { s3: { bucketName: 'my-flow-input-bucket' } } } },
          inputs: [{ name: 'objectKey', type: 'String', expression: '$.data.templateKey' }],
          outputs: [{ name: 's3Content', type: 'String' }],
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
          name: 'FlowInput_LoadTemplate_objectKey',
          type: 'Data',
          source: 'FlowInput',
          target: 'LoadTemplate',
          configuration: { data: { sourceOutput: 'document', targetInput: 'objectKey' } },
        },
        {
          name: 'LoadTemplate_FlowOutput_document',
          type: 'Data',
          source: 'LoadTemplate',
          target: 'FlowOutput',
          configuration: { data: { sourceOutput: 's3Content', targetInput: 'document' } },
        },
      ],
    });
  });

  test('next() binds objectKey from a String output', () => {
    const key = new InputNode(stack, 'Key', { type: FlowDataType.STRING });
    const load = new RetrievalNode(stack, 'Load', { bucketName: 'my-bucket' });
    expect(nodeOf(renderDefinition(stack, key.next(load)), 'Load').inputs).toStrictEqual([
      { name: 'objectKey', type: 'String', expression: '$.data' },
    ]);
  });

  test('takes the bucket name from an imported bucket', () => {
    const bucket = s3.Bucket.fromBucketName(stack, 'Imported', 'imported-bucket');
    const load = new RetrievalNode(stack, 'Load', { bucket, objectKey: input.document.at('$.data.k', FlowDataType.STRING) });
    expect(nodeOf(renderDefinition(stack, input.next(load)), 'Load').configuration).toStrictEqual({
      retrieval: { serviceConfiguration: { s3: { bucketName: 'imported-bucket' } } },
    });
  });

  test('accepts a bucket name that is a token', () => {
    const load = new RetrievalNode(stack, 'Load', { bucketName: Lazy.string({ produce: () => 'lazy-bucket' }), objectKey: input.document.at('$.data.k', FlowDataType.STRING) });
    expect(nodeOf(renderDefinition(stack, input.next(load)), 'Load').configuration).toStrictEqual({
      retrieval: { serviceConfiguration: { s3: { bucketName: 'lazy-bucket' } } },
    });
  });

  test('synthesizes in a Flow', () => {
    // GIVEN
    const bucket = new s3.Bucket(stack, 'Templates', { enforceSSL: true });
    const load = new RetrievalNode(stack, 'Load', { bucket, objectKey: input.document.at('$.data.k', FlowDataType.STRING) });

    // WHEN
    new Flow(stack, 'Flow', { definition: FlowDefinition.fromChainable(input.next(load).next(new OutputNode(stack, 'Out'))) });

    // THEN
    Template.fromStack(stack).hasResourceProperties('AWS::Bedrock::Flow', {
      Definition: {
        Nodes: [
          { Name: 'FlowInput' },
          { Name: 'Load', Type: 'Retrieval', Configuration: { Retrieval: { ServiceConfiguration: { S3: { BucketName: { Ref: stack.getLogicalId(bucket.node.defaultChild as s3.CfnBucket) } } } } } },
          { Name: 'Out' },
        ],
      },
    });
  });

  test('throws when neither bucket nor bucketName is given', () => {
    expect(() => new RetrievalNode(stack, 'R1', {})).toThrow(/Retrieval node 'R1': give either `bucket` \(an s3.IBucket\) or `bucketName`/);
  });

  test('throws on an invalid bucket name', () => {
    expect(() => new RetrievalNode(stack, 'R1', { bucketName: 'ab' })).toThrow(/Retrieval node 'R1': 'ab' is not a valid bucket name/);
  });

  test('throws when objectKey is not a String', () => {
    expect(() => new RetrievalNode(stack, 'R1', { bucketName: 'my-bucket', objectKey: input.document }))
      .toThrow(/input 'objectKey' of node 'R1' takes a String/);
  });
});
