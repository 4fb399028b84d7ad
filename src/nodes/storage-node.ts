import * as kms from 'aws-cdk-lib/aws-kms';
import * as s3 from 'aws-cdk-lib/aws-s3';
import { Construct } from 'constructs';
import { FlowNodeProps, NextableFlowNode } from './flow-node';
import { NodeBucket } from './private/s3-bucket';
import { FlowDataType } from '../definition/data-type';
import { FlowOutput } from '../definition/ports';
import { FlowNodeJson } from '../definition/schema';
import { storagePermissions } from '../permissions/storage';
import { FlowPermission, PermissionContext } from '../permissions/types';

/** The bucket of a Storage or Retrieval node: give `bucket` or `bucketName`. */
export interface S3FlowNodeProps extends FlowNodeProps {
  /**
   * The bucket. Its `encryptionKey`, if any, is granted to the flow's role too.
   * @default - none: `bucketName` must be given
   */
  readonly bucket?: s3.IBucket;

  /**
   * The bucket, by name.
   * @default - none: `bucket` must be given
   */
  readonly bucketName?: string;

  /**
   * Limits the flow's role to the objects under this key prefix (`bucket/<prefix>*`). This is an IAM
   * limit only: the node still uses whatever object key it receives, and fails at run time on a key
   * outside the prefix.
   * @default - all objects of the bucket
   */
  readonly keyPrefix?: string;

  /**
   * The KMS key that encrypts the bucket's objects (SSE-KMS).
   * @default - the `encryptionKey` of `bucket`, if any
   */
  readonly encryptionKey?: kms.IKey;
}

/** Properties of a StorageNode. */
export interface StorageNodeProps extends S3FlowNodeProps {
  /**
   * The content to write.
   * @default - unbound: connect it with `previous.next(node)` when `objectKey` is given
   */
  readonly content?: FlowOutput;

  /**
   * The key of the object to write (a String).
   * @default - unbound: connect it with `previous.next(node)` when `content` is given
   */
  readonly objectKey?: FlowOutput;
}

/**
 * Writes its `content` input to an S3 object (`s3://<bucket>/<objectKey>`) and returns the object's
 * `s3Uri`. The flow's role gets `s3:PutObject` on the bucket's objects (and `kms:GenerateDataKey` on its key).
 * @see https://docs.aws.amazon.com/bedrock/latest/userguide/flows-nodes.html
 */
export class StorageNode extends NextableFlowNode {
  /** The S3 URI of the object written. */
  public readonly s3Uri: FlowOutput;
  /** The name of the bucket written to. */
  public readonly bucketName: string;

  private readonly bucket: NodeBucket;

  constructor(scope: Construct, id: string, props: StorageNodeProps) {
    super(scope, id, 'Storage', props);
    this.bucket = new NodeBucket(`Storage node '${this.nodeName}'`, props);
    this.bucketName = this.bucket.bucketName;
    this.addInput('content', { source: props.content });
    this.addInput('objectKey', { fixedType: FlowDataType.STRING, source: props.objectKey });
    this.s3Uri = this.addOutput('s3Uri', FlowDataType.STRING);
  }

  /** @internal the definition's permission, narrowed to `keyPrefix` (an IAM limit the definition does not carry) */
  public _permissions(ctx: PermissionContext, json: FlowNodeJson = this._renderNode()): FlowPermission[] {
    return [...storagePermissions(json, ctx, this.bucket.keyPrefix), ...this._extraPermissions(ctx)];
  }

  /** @internal */
  public _extraPermissions(_ctx: PermissionContext): FlowPermission[] {
    const key = this.bucket.encryptionKey;
    return key ? [{
      actions: ['kms:GenerateDataKey'],
      resources: [key.keyArn],
      reason: `Storage node '${this.nodeName}' writes objects encrypted with its bucket's KMS key`,
    }] : [];
  }

  protected renderConfiguration(): any {
    return { storage: this.bucket.render() };
  }
}
