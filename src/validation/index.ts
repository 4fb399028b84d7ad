export * from './types';
export { validateFlowDefinition, formatFinding } from './validate';
export { ValidationContext } from './context';
export type { FlowValidationRule, RuleFinding } from './context';
export { RULES, SERVICE_VALIDATION_TYPES } from './rules';
