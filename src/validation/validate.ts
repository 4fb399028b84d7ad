import { FlowValidationRule, ValidationContext } from './context';
import { RULES } from './rules';
import { FlowValidationOptions, FlowValidationResult, FlowValidationSeverity } from './types';
import { FlowDefinitionJson, FlowNodeJson } from '../definition/schema';
import { isUnresolved } from '../private/tokens';

/**
 * Checks a plain JSON flow definition (API shape, camelCase) the way Bedrock does when it prepares
 * a flow, plus the schema-level checks of CloudFormation. Loop bodies are checked as their own
 * scopes. Pure and linear in nodes + connections; values that are tokens or `${...}` placeholders
 * never fail a check.
 */
export function validateFlowDefinition(definition: FlowDefinitionJson, options: FlowValidationOptions = {}): FlowValidationResult[] {
  const results: FlowValidationResult[] = [];
  if (definition === null || typeof definition !== 'object' || Array.isArray(definition)) {
    return [{
      type: 'MalformedDefinition',
      severity: FlowValidationSeverity.ERROR,
      message: `the definition must be an object with 'nodes' and 'connections', got ${definition === null ? 'null' : Array.isArray(definition) ? 'an array' : typeof definition}`,
    }];
  }
  if (isUnresolved(definition)) return [];
  const rules = options.checkLimits === false ? RULES.filter(r => !r.isLimit) : RULES;
  const scopes: [FlowDefinitionJson, FlowNodeJson | undefined, ValidationContext | undefined][] = [[definition, undefined, undefined]];
  const seen = new Set<object>([definition]); // a definition object that holds itself is checked once
  for (let i = 0; i < scopes.length; i++) {
    const [scope, loopNode, parent] = scopes[i];
    const ctx = new ValidationContext(scope, loopNode, options, parent);
    runRules(rules, ctx, results);
    for (const node of ctx.nodesOfType('Loop')) {
      const body = node.configuration?.loop?.definition;
      if (body && typeof body === 'object' && !Array.isArray(body) && !ctx.isUnresolved(body) && !seen.has(body)) {
        seen.add(body);
        scopes.push([body, node, ctx]);
      }
    }
  }
  return results;
}

function runRules(rules: FlowValidationRule[], ctx: ValidationContext, results: FlowValidationResult[]): void {
  for (const rule of rules) {
    for (const finding of rule.check(ctx)) {
      results.push({
        type: rule.type,
        severity: finding.severity ?? rule.severity,
        message: finding.message,
        ...(finding.node !== undefined ? { node: finding.node } : {}),
        ...(finding.connection !== undefined ? { connection: finding.connection } : {}),
        ...(finding.port !== undefined ? { port: finding.port } : {}),
        ...(ctx.loopNode ? { loopNode: ctx.loopNode.name } : {}),
      });
    }
  }
}

/** `Type: message`, as synth reports a finding (the message names the node, port or connection). */
export function formatFinding(result: FlowValidationResult): string {
  return `${result.type}: ${result.message}`;
}
