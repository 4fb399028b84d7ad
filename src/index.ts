// ---------------------------------------------------------------------------
// Resources
// ---------------------------------------------------------------------------
export * from './flow';
export * from './flow-version';
export * from './flow-alias';

// ---------------------------------------------------------------------------
// Builder
// ---------------------------------------------------------------------------
export * from './definition/data-type';
export * from './definition/ports';
export * from './definition/chain';
export * from './definition/condition';
export * from './definition/flow-definition';
export * from './definition/mermaid';
export { templateVariables } from './definition/template';
export * from './models';
export * from './guardrail';
export * from './managed-prompt';
export * from './targets';

// ---------------------------------------------------------------------------
// Patterns
// ---------------------------------------------------------------------------
export * from './patterns';

// ---------------------------------------------------------------------------
// Nodes
// ---------------------------------------------------------------------------
export * from './nodes';

// ---------------------------------------------------------------------------
// Validation (validateFlowDefinition is TypeScript-only; other languages use FlowValidator)
// ---------------------------------------------------------------------------
export * from './validation/types';
export * from './validation/flow-validator';
export { validateFlowDefinition } from './validation/validate';
