export * from './flow-node';
export * from './input-node';
export * from './output-node';
export * from './prompt-node';
export * from './condition-node';
export * from './lambda-function-node';
