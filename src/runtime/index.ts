// TypeScript-only runtime helpers (not part of the jsii API). Import them from
// `cdk-bedrock-flows/lib/runtime`; they need `@aws-sdk/client-bedrock-agent-runtime` installed.
export * from './flow-invoker';
