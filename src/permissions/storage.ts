import { s3BucketName, s3ObjectsArn } from './s3';
import { FlowPermission, PermissionContext } from './types';
import { FlowNodeJson } from '../definition/schema';

/**
 * Storage node (S3 write): `s3:PutObject` on the bucket's objects (`bucket/*`, or `bucket/<prefix>*`
 * for a builder node with a `keyPrefix`, an IAM limit that is not part of the definition). A KMS key
 * of the bucket is not in the definition either: the builder's StorageNode adds `kms:GenerateDataKey` itself.
 */
export function storagePermissions(node: FlowNodeJson, ctx: PermissionContext, keyPrefix?: string): FlowPermission[] {
  const bucketName = s3BucketName(node.configuration?.storage);
  if (!bucketName) return [];
  return [{
    actions: ['s3:PutObject'],
    resources: [s3ObjectsArn(ctx, bucketName, keyPrefix)],
    reason: `Storage node '${node.name}' writes objects to its bucket`,
  }];
}
