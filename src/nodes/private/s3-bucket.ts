import * as kms from 'aws-cdk-lib/aws-kms';
import { BUCKET_NAME } from '../../private/cfn-patterns';
import { isUnresolved } from '../../private/tokens';
import type { S3FlowNodeProps } from '../storage-node';


/** The bucket of a Storage or Retrieval node, checked. */
export class NodeBucket {
  public readonly bucketName: string;
  public readonly keyPrefix?: string;
  public readonly encryptionKey?: kms.IKey;

  constructor(where: string, props: S3FlowNodeProps) {
    if ((props.bucket === undefined) === (props.bucketName === undefined)) {
      throw new Error(`${where}: give either \`bucket\` (an s3.IBucket) or \`bucketName\`, ${props.bucket ? 'not both' : 'one is required'}`);
    }
    this.bucketName = props.bucket ? props.bucket.bucketName : props.bucketName!;
    if (!isUnresolved(this.bucketName) && !BUCKET_NAME.test(this.bucketName)) {
      throw new Error(`${where}: '${this.bucketName}' is not a valid bucket name (3–63 lowercase letters, digits, dots and hyphens, `
        + 'starting and ending with a letter or digit)');
    }
    if (props.keyPrefix !== undefined && !isUnresolved(props.keyPrefix)) {
      if (props.keyPrefix.length < 1 || props.keyPrefix.length > 1024) {
        throw new Error(`${where}: keyPrefix must be 1–1024 characters, got ${props.keyPrefix.length}`);
      }
      if (/[*?]/.test(props.keyPrefix)) {
        throw new Error(`${where}: keyPrefix '${props.keyPrefix}' cannot contain '*' or '?' (they are wildcards in IAM resources)`);
      }
    }
    this.keyPrefix = props.keyPrefix;
    this.encryptionKey = props.encryptionKey ?? props.bucket?.encryptionKey;
  }

  /** `{ serviceConfiguration: { s3: { bucketName } } }` */
  public render(): any {
    return { serviceConfiguration: { s3: { bucketName: this.bucketName } } };
  }
}
