import { Construct } from 'constructs';
import { NextableFlowNode } from './flow-node';
import { NodeBucket } from './private/s3-bucket';
import { S3FlowNodeProps } from './storage-node';
import { FlowDataType } from '../definition/data-type';
import { FlowOutput } from '../definition/ports';
import { FlowNodeJson } from '../definition/schema';
import { retrievalPermissions } from '../permissions/retrieval';
import { FlowPermission, PermissionContext } from '../permissions/types';

/** Properties of a RetrievalNode. */
export interface RetrievalNodeProps extends S3FlowNodeProps {
  /**
   * The key of the object to read (a String).
   * @default - unbound: `previous.next(node)` connects it
   */
  readonly objectKey?: FlowOutput;
}

/**
 * Reads an S3 object (UTF-8 text) and returns its content as `s3Content`. The flow's role gets
 * `s3:GetObject` on the bucket's objects (and `kms:Decrypt` on its key).
 * @see https://docs.aws.amazon.com/bedrock/latest/userguide/flows-nodes.html
 */
export class RetrievalNode extends NextableFlowNode {
  /** The content of the object read. */
  public readonly s3Content: FlowOutput;
  /** The name of the bucket read from. */
  public readonly bucketName: string;

  private readonly bucket: NodeBucket;

  constructor(scope: Construct, id: string, props: RetrievalNodeProps) {
    super(scope, id, 'Retrieval', props);
    this.bucket = new NodeBucket(`Retrieval node '${this.nodeName}'`, props);
    this.bucketName = this.bucket.bucketName;
    this.addInput('objectKey', { fixedType: FlowDataType.STRING, source: props.objectKey });
    this.s3Content = this.addOutput('s3Content', FlowDataType.STRING);
  }

  /** @internal the definition's permission, narrowed to `keyPrefix` (an IAM limit the definition does not carry) */
  public _permissions(ctx: PermissionContext, json: FlowNodeJson = this._renderNode()): FlowPermission[] {
    return [...retrievalPermissions(json, ctx, this.bucket.keyPrefix), ...this._extraPermissions(ctx)];
  }

  /** @internal */
  public _extraPermissions(_ctx: PermissionContext): FlowPermission[] {
    const key = this.bucket.encryptionKey;
    return key ? [{
      actions: ['kms:Decrypt'],
      resources: [key.keyArn],
      reason: `Retrieval node '${this.nodeName}' reads objects encrypted with its bucket's KMS key`,
    }] : [];
  }

  protected renderConfiguration(): any {
    return { retrieval: this.bucket.render() };
  }
}
