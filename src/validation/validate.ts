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
 * Validates one scope in one pass: each block of nodes or of connections is checked by every rule as
 * the scope is indexed, while it is at hand; then the rules that look at the scope as a whole run.
 * Findings are reported rule by rule, in the order of `RULES`, and within a rule the node findings
 * first, then the connection findings, then the scope findings.
 */
function validateScope(
  rules: FlowValidationRule[], scope: FlowDefinitionJson, loopNode: FlowNodeJson | undefined, options: FlowValidationOptions,
  parent: ValidationContext | undefined, results: FlowValidationResult[],
): ValidationContext {
  const checks = checksOf(rules);
  // findings are rare: one list for the scope, each finding with its rank (its rule's position, then its kind of check)
  const found: FoundFinding[] = [];
  const previous = sink;
  sink = found;
  try {
    const ctx = new ValidationContext(scope, loopNode, options, parent, checks.visitor);
    for (let k = 0; k < checks.scope.checks.length; k++) checks.scope.checks[k](ctx, checks.scope.reports[k]);
    const inLoop = loopNode ? { loopNode: loopNode.name } : {};
    found.sort((a, b) => a.rank - b.rank); // stable: within a rule and a kind of check, in the order found
    for (const { rank, finding } of found) {
      const i = Math.floor(rank / KINDS.length);
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

/**
 * The kinds of checks, in the order their findings are reported within a rule: the node findings,
 * then the connection findings, then the scope findings (the validator may check some connections
 * before the last nodes; see `ValidationContext`).
 */
const KINDS = ['node', 'connection', 'scope'] as const;

/** A finding, ranked by its rule's position and then by the kind of check that found it. */
interface FoundFinding {
  /** `rule * KINDS.length + kind` */
  readonly rank: number;
  readonly finding: RuleFinding;
}

/** Where the rules' reports go: the findings of the scope being validated. */
let sink: FoundFinding[] = [];

/** The checks of one kind of a list of rules, in rule order, each with its rule's report. */
interface Hooks<C> {
  readonly checks: C[];
  readonly reports: Report[];
}

type NodeCheck = (node: NodeEntry, ctx: ValidationContext, report: Report) => void;
type ConnectionCheck = (connection: ConnectionEntry, ctx: ValidationContext, report: Report) => void;
type ScopeCheck = (ctx: ValidationContext, report: Report) => void;

/** The checks of a list of rules, by kind; worked out once per list. */
interface Checks {
  readonly visitor: ScopeVisitor;
  readonly scope: Hooks<ScopeCheck>;
}

const CHECKS = new WeakMap<FlowValidationRule[], Checks>();

function checksOf(rules: FlowValidationRule[]): Checks {
  let checks = CHECKS.get(rules);
  if (checks) return checks;
  const hooks = <C>(kind: typeof KINDS[number]): Hooks<C> => {
    const found: Hooks<C> = { checks: [], reports: [] };
    rules.forEach((rule, i) => {
      const check = rule[kind];
      if (!check) return;
      const rank = i * KINDS.length + KINDS.indexOf(kind);
      found.checks.push(check.bind(rule) as unknown as C);
      found.reports.push(finding => { sink.push({ rank, finding }); });
    });
    return found;
  };
  checks = {
    visitor: { nodes: overBlocks(hooks<NodeCheck>('node')), connections: overBlocks(hooks<ConnectionCheck>('connection')) },
    scope: hooks<ScopeCheck>('scope'),
  };
  CHECKS.set(rules, checks);
  return checks;
}

/** Runs each check in turn over a block of entries, `entries[from]` to `entries[to - 1]`. */
function overBlocks<E>({ checks, reports }: Hooks<(entry: E, ctx: ValidationContext, report: Report) => void>) {
  return (entries: readonly E[], from: number, to: number, ctx: ValidationContext): void => {
    for (let k = 0; k < checks.length; k++) {
      const check = checks[k];
      const report = reports[k];
      for (let i = from; i < to; i++) check(entries[i], ctx, report);
    }
  };
}

/** `Type: message`, as synth reports a finding (the message names the node, port or connection). */
export function formatFinding(result: FlowValidationResult): string {
  return `${result.type}: ${result.message}`;
}
