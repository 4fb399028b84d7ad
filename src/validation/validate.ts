import { FlowValidationRule, Report, RuleFinding, ValidationContext } from './context';
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
    const ctx = validateScope(rules, scope, loopNode, options, parent, results);
    for (const { node } of ctx.nodesOfType('Loop')) {
      const body = node.configuration?.loop?.definition;
      if (body && typeof body === 'object' && !Array.isArray(body) && !ctx.isUnresolved(body) && !seen.has(body)) {
        seen.add(body);
        scopes.push([body, node, ctx]);
      }
    }
  }
  return results;
}

/**
 * Validates one scope in one pass: each node, then each connection, is checked by every rule as the
 * scope is indexed, while it is at hand; then the rules that look at the scope as a whole run.
 * Findings are reported rule by rule, in the order of `RULES`.
 */
function validateScope(
  rules: FlowValidationRule[], scope: FlowDefinitionJson, loopNode: FlowNodeJson | undefined, options: FlowValidationOptions,
  parent: ValidationContext | undefined, results: FlowValidationResult[],
): ValidationContext {
  const found: RuleFinding[][] = rules.map(() => []);
  const reports: Report[] = found.map(list => (finding: RuleFinding) => { list.push(finding); });
  const nodeRules = rules.flatMap((rule, i) => rule.node ? [i] : []);
  const connectionRules = rules.flatMap((rule, i) => rule.connection ? [i] : []);
  const ctx = new ValidationContext(scope, loopNode, options, parent, {
    node: (entry, scopeCtx) => { for (const i of nodeRules) rules[i].node!(entry, scopeCtx, reports[i]); },
    connection: (entry, scopeCtx) => { for (const i of connectionRules) rules[i].connection!(entry, scopeCtx, reports[i]); },
  });
  rules.forEach((rule, i) => rule.scope?.(ctx, reports[i]));
  const inLoop = loopNode ? { loopNode: loopNode.name } : {};
  rules.forEach((rule, i) => {
    for (const finding of found[i]) {
      results.push({
        type: rule.type,
        severity: finding.severity ?? rule.severity,
        message: finding.message,
        ...(finding.node !== undefined ? { node: finding.node } : {}),
        ...(finding.connection !== undefined ? { connection: finding.connection } : {}),
        ...(finding.port !== undefined ? { port: finding.port } : {}),
        ...inLoop,
      });
    }
  });
  return ctx;
}

/** `Type: message`, as synth reports a finding (the message names the node, port or connection). */
export function formatFinding(result: FlowValidationResult): string {
  return `${result.type}: ${result.message}`;
}
