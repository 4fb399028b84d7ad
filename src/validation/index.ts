export * from './types';
export { validateFlowDefinition, formatFinding } from './validate';
export { FlowValidationRule, RuleFinding, ValidationContext } from './context';
export { RULES } from './rules';
