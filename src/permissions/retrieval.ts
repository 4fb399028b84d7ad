import { s3BucketName, s3ObjectsArn } from './s3';
import { FlowPermission, PermissionContext } from './types';
import { FlowNodeJson } from '../definition/schema';

/**
 * Retrieval node (S3 read): `s3:GetObject` on the bucket's objects (`bucket/*`, or `bucket/<prefix>*`
 * for a builder node with a `keyPrefix`, an IAM limit that is not part of the definition). A KMS key
 * of the bucket is not in the definition either: the builder's RetrievalNode adds `kms:Decrypt` itself.
 */
export function retrievalPermissions(node: FlowNodeJson, ctx: PermissionContext, keyPrefix?: string): FlowPermission[] {
  const bucketName = s3BucketName(node.configuration?.retrieval);
  if (!bucketName) return [];
  return [{
    actions: ['s3:GetObject'],
    resources: [s3ObjectsArn(ctx, bucketName, keyPrefix)],
    reason: `Retrieval node '${node.name}' reads objects from its bucket`,
  }];
}
