// TypeScript-only offline flow simulator (not part of the jsii API). Import it from
// `cdk-bedrock-flows/lib/testing` in unit tests.
export * from './flow-simulator';
export * from './errors';
export * from './in-memory-s3';
export * from './types';
