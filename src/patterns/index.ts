export * from './contract-processing/pipeline';
export * from './contract-processing/default-flow';
export * from './contract-processing/prompts';
