/** Where the flow is deployed, for building ARNs; values may be CDK tokens. */
export interface PermissionContext {
  readonly partition: string;
  readonly region: string;
  readonly account: string;
}

/** One IAM permission the flow's service role needs, as plain data. */
export interface FlowPermission {
  readonly actions: string[];
  readonly resources: string[];
  readonly conditions?: { [operator: string]: { [key: string]: unknown } };
  /** Why the flow needs it, naming the node. */
  readonly reason: string;
}

/** Builds an ARN from its parts. */
export function arn(ctx: PermissionContext, service: string, region: string, account: string, resource: string): string {
  return `arn:${ctx.partition}:${service}:${region}:${account}:${resource}`;
}
