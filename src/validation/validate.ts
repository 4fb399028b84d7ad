import { ConnectionEntry, FlowValidationRule, NodeEntry, Report, RuleFinding, ScopeVisitor, ValidationContext } from './context';
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
  const rules = options.checkLimits === false ? (withoutLimits ??= RULES.filter(r => !r.isLimit)) : RULES;
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
 * Validates one scope in one pass: each block of nodes, then of connections, is checked by every rule
 * as the scope is indexed, while it is at hand; then the rules that look at the scope as a whole run.
 * Findings are reported rule by rule, in the order of `RULES`.
 */
function validateScope(
  rules: FlowValidationRule[], scope: FlowDefinitionJson, loopNode: FlowNodeJson | undefined, options: FlowValidationOptions,
  parent: ValidationContext | undefined, results: FlowValidationResult[],
): ValidationContext {
  const checks = checksOf(rules);
  // findings are rare: one list for the scope, each finding with its rule's position
  const found: FoundFinding[] = [];
  const previous = sink;
  sink = found;
  try {
    const ctx = new ValidationContext(scope, loopNode, options, parent, checks.visitor);
    for (let k = 0; k < checks.scope.length; k++) checks.scope[k](ctx, checks.scopeReports[k]);
    const inLoop = loopNode ? { loopNode: loopNode.name } : {};
    found.sort((a, b) => a.rule - b.rule); // stable: within a rule, in the order found
    for (const { rule: i, finding } of found) {
      results.push({
        type: rules[i].type,
        severity: finding.severity ?? rules[i].severity,
        message: finding.message,
        ...(finding.node !== undefined ? { node: finding.node } : {}),
        ...(finding.connection !== undefined ? { connection: finding.connection } : {}),
        ...(finding.port !== undefined ? { port: finding.port } : {}),
        ...inLoop,
      });
    }
    return ctx;
  } finally {
    sink = previous;
  }
}

/** The rules but the size limits (`checkLimits: false`), filtered once. */
let withoutLimits: FlowValidationRule[] | undefined;

/** A finding and the position of its rule. */
interface FoundFinding {
  readonly rule: number;
  readonly finding: RuleFinding;
}

/** Where the rules' reports go: the findings of the scope being validated. */
let sink: FoundFinding[] = [];

/** The checks of a list of rules, by kind, each with its rule's report; worked out once per list. */
interface Checks {
  readonly visitor: ScopeVisitor;
  readonly scope: ((ctx: ValidationContext, report: Report) => void)[];
  readonly scopeReports: Report[];
}

const CHECKS = new WeakMap<FlowValidationRule[], Checks>();

function checksOf(rules: FlowValidationRule[]): Checks {
  let checks = CHECKS.get(rules);
  if (checks) return checks;
  const reports: Report[] = rules.map((_, rule) => (finding: RuleFinding) => { sink.push({ rule, finding }); });
  const bound = <T>(hook: 'node' | 'connection' | 'scope') => rules.flatMap((r, i) => r[hook] ? [{ check: r[hook]!.bind(r) as unknown as T, report: reports[i] }] : []);
  const nodes = bound<(n: NodeEntry, ctx: ValidationContext, report: Report) => void>('node');
  const connections = bound<(c: ConnectionEntry, ctx: ValidationContext, report: Report) => void>('connection');
  const scopes = bound<(ctx: ValidationContext, report: Report) => void>('scope');
  const nodeChecks = nodes.map(n => n.check);
  const nodeReports = nodes.map(n => n.report);
  const connectionChecks = connections.map(c => c.check);
  const connectionReports = connections.map(c => c.report);
  checks = {
    visitor: {
      nodes: (entries, from, to, ctx) => {
        for (let k = 0; k < nodeChecks.length; k++) {
          const check = nodeChecks[k];
          const report = nodeReports[k];
          for (let i = from; i < to; i++) check(entries[i], ctx, report);
        }
      },
      connections: (entries, from, to, ctx) => {
        for (let k = 0; k < connectionChecks.length; k++) {
          const check = connectionChecks[k];
          const report = connectionReports[k];
          for (let i = from; i < to; i++) check(entries[i], ctx, report);
        }
      },
    },
    scope: scopes.map(s => s.check),
    scopeReports: scopes.map(s => s.report),
  };
  CHECKS.set(rules, checks);
  return checks;
}

/** `Type: message`, as synth reports a finding (the message names the node, port or connection). */
export function formatFinding(result: FlowValidationResult): string {
  return `${result.type}: ${result.message}`;
}
