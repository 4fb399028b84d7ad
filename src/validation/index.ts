export * from './types';
export { validateFlowDefinition, formatFinding } from './validate';
export { ValidationContext, NodeEntry, ConnectionEntry } from './context';
export type { FlowValidationRule, Report, RuleFinding } from './context';
export { RULES, SERVICE_VALIDATION_TYPES } from './rules';
