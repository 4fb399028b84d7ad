/*
 * Patterns of the AWS::Bedrock::Flow CloudFormation schema that both the builder (when a value is
 * given) and the validation (over any definition) check values against.
 */

/** A managed prompt ARN, optionally versioned (10-character prompt id). */
export const PROMPT_ARN = /^arn:aws(-[^:]+)?:bedrock:[a-z0-9-]{1,20}:[0-9]{12}:prompt\/[0-9a-zA-Z]{10}(:[0-9]{1,5})?$/;
/** A guardrail id, or a guardrail ARN. */
export const GUARDRAIL_IDENTIFIER = /^(([a-z0-9]+)|(arn:aws(-[^:]+)?:bedrock:[a-z0-9-]{1,20}:[0-9]{12}:guardrail\/[a-z0-9]+))$/;
/** An agent alias ARN. */
export const AGENT_ALIAS_ARN = /^arn:aws(-[^:]+)?:bedrock:[a-z0-9-]{1,20}:[0-9]{12}:agent-alias\/[0-9a-zA-Z]{10}\/[0-9a-zA-Z]{10}$/;
/** A knowledge base id. */
export const KNOWLEDGE_BASE_ID = /^[0-9a-zA-Z]{1,10}$/;
/** An S3 bucket name, as Storage and Retrieval nodes take it. */
export const BUCKET_NAME = /^[a-z0-9][.\-a-z0-9]{1,61}[a-z0-9]$/;
