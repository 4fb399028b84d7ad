/** An object of the in-memory S3. */
export interface InMemoryS3Object {
  /** The bucket. */
  readonly bucket: string;
  /** The key. */
  readonly key: string;
  /** The object's text. */
  readonly body: string;
}

/**
 * A minimal in-memory S3 for the simulator's Storage and Retrieval nodes: objects are text,
 * addressed by bucket and key. Seed it before a run (for Retrieval nodes) and inspect it after
 * (for Storage nodes). It keeps its objects across runs until `clear()`.
 */
export class InMemoryS3 {
  /** The `s3://bucket/key` URI of an object, as a Storage node returns it. */
  public static uri(bucket: string, key: string): string {
    return `s3://${bucket}/${key}`;
  }

  private readonly buckets = new Map<string, Map<string, string>>();

  /** Writes an object (replacing any with the same key) and returns its `s3://` URI. */
  public putObject(bucket: string, key: string, body: string): string {
    let objects = this.buckets.get(bucket);
    if (!objects) {
      objects = new Map();
      this.buckets.set(bucket, objects);
    }
    objects.set(key, body);
    return InMemoryS3.uri(bucket, key);
  }

  /** The text of an object, or undefined when there is none. */
  public getObject(bucket: string, key: string): string | undefined {
    return this.buckets.get(bucket)?.get(key);
  }

  /** Whether an object exists. */
  public hasObject(bucket: string, key: string): boolean {
    return this.buckets.get(bucket)?.has(key) ?? false;
  }

  /** Deletes an object; returns whether it existed. */
  public deleteObject(bucket: string, key: string): boolean {
    return this.buckets.get(bucket)?.delete(key) ?? false;
  }

  /** The objects of one bucket, or of all buckets, in the order they were first written. */
  public listObjects(bucket?: string): InMemoryS3Object[] {
    const result: InMemoryS3Object[] = [];
    for (const [name, objects] of this.buckets) {
      if (bucket !== undefined && name !== bucket) continue;
      for (const [key, body] of objects) result.push({ bucket: name, key, body });
    }
    return result;
  }

  /** Deletes every object. */
  public clear(): void {
    this.buckets.clear();
  }
}
