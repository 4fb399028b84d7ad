/**
 * The data type of a node input or output.
 * @see https://docs.aws.amazon.com/bedrock/latest/userguide/flows-nodes.html
 */
export enum FlowDataType {
  /** A string. */
  STRING = 'String',
  /** A number. */
  NUMBER = 'Number',
  /** `true` or `false`. */
  BOOLEAN = 'Boolean',
  /** A JSON object. */
  OBJECT = 'Object',
  /** A JSON array. */
  ARRAY = 'Array',
}
