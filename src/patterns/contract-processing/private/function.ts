import { RemovalPolicy } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as logs from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';

/** The settings every function of the pattern gets. */
export interface PatternFunctionOptions extends lambda.FunctionOptions {
  /** How long the function's log group keeps events. */
  readonly logRetention: logs.RetentionDays;
  /** What happens to the log group when it leaves the stack. */
  readonly logRemovalPolicy: RemovalPolicy;
}

/** The constructor of a projen-generated function class (`ExtractTextFunction`, ...). */
export type FunctionClass = new (scope: Construct, id: string, props?: lambda.FunctionOptions) => lambda.Function;

/**
 * Creates one of the pattern's functions with its own log group (with retention) and its own role
 * that may write only to that log group: no `AWSLambdaBasicExecutionRole` managed policy, whose
 * `logs:*` on `*` would let the function write to any log group.
 */
export function createPatternFunction(
  scope: Construct,
  id: string,
  fnClass: FunctionClass,
  options: PatternFunctionOptions,
): lambda.Function {
  const { logRetention, logRemovalPolicy, ...functionOptions } = options;
  const logGroup = new logs.LogGroup(scope, `${id}Logs`, {
    retention: logRetention,
    removalPolicy: logRemovalPolicy,
  });
  const role = new iam.Role(scope, `${id}Role`, {
    assumedBy: new iam.ServicePrincipal('lambda.amazonaws.com'),
    description: `Execution role of the ${id} function of the contract-processing pipeline`,
  });
  // CreateLogStream and PutLogEvents on this log group only (its ARN ends with ':*', which covers its streams)
  logGroup.grantWrite(role);
  return new fnClass(scope, id, { ...functionOptions, role, logGroup });
}
