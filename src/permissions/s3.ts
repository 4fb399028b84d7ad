import { arn, PermissionContext } from './types';

/** The bucket name of a Storage or Retrieval node configuration (`{ serviceConfiguration: { s3: { bucketName } } }`). */
export function s3BucketName(config: any): string | undefined {
  const bucketName = config?.serviceConfiguration?.s3?.bucketName;
  return typeof bucketName === 'string' && bucketName.length > 0 ? bucketName : undefined;
}

/** `arn:<partition>:s3:::<bucket>/<prefix>*`: the objects of a bucket, or those under a key prefix. */
export function s3ObjectsArn(ctx: PermissionContext, bucketName: string, keyPrefix?: string): string {
  return arn(ctx, 's3', '', '', `${bucketName}/${keyPrefix ?? ''}*`);
}
