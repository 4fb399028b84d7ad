import { isResolvableObject } from '../../private/tokens';
import { ConnectionEntry, FlowValidationRule, NodeEntry, Report, ValidationContext } from '../context';
import { isPlainObject, pathText } from '../helpers';
import { FlowValidationSeverity } from '../types';

/** `${Name}` placeholders, not CDK token strings (`${Token[...]}`). */
const PLACEHOLDER = /\$\{(?!Token\[)([^{}]*)\}/g;
/** Names `FlowDefinition.fromJson/fromFile` substitutions (and CloudFormation DefinitionSubstitutions) can fill. */
const SUBSTITUTABLE = /^[a-zA-Z0-9]+$/;
/** Free-text fields, where `${...}` may be meant literally. */
const FREE_TEXT = new Set([
  'configuration.prompt.sourceConfiguration.inline.templateConfiguration.text.text',
  'configuration.knowledgeBase.promptTemplate.textPromptTemplate',
  'configuration.knowledgeBase.orchestrationConfiguration.promptTemplate.textPromptTemplate',
  'configuration.inlineCode.code',
]);

/**
 * Schema check: no `${Name}` placeholder is left in the definition. A definition imported with
 * `FlowDefinition.fromJson/fromFile` gets its placeholders replaced by `substitutions`; one that is
 * left would reach Bedrock as literal text. In free text (prompt templates, inline code), where
 * `${...}` may be meant literally, it is a warning. Not reported with `allowPlaceholders` (the CLI
 * checks files whose placeholders are filled at deploy time). CDK tokens are never reported.
 */
export const unresolvedPlaceholder: FlowValidationRule = {
  type: 'UnresolvedPlaceholder',
  severity: FlowValidationSeverity.ERROR,
  node({ node }: NodeEntry, ctx: ValidationContext, report: Report): void {
    if (ctx.options.allowPlaceholders || (node.type !== 'Loop' && !holdsPlaceholder(node))) return;
    const found = new Map<string, string>();
    // a Loop node's body is its own scope, checked there
    scan(node, [], found, node.type === 'Loop' ? LOOP_DEFINITION : undefined);
    reportFound(found, { node: node.name }, `node '${node.name}'`, report);
  },
  connection({ connection: c }: ConnectionEntry, ctx: ValidationContext, report: Report): void {
    if (ctx.options.allowPlaceholders || !holdsPlaceholder(c)) return;
    const found = new Map<string, string>();
    scan(c, [], found, undefined);
    reportFound(found, { connection: c.name }, `connection '${c.name}'`, report);
  },
};

/** Reports each placeholder found in a node or connection. */
function reportFound(found: Map<string, string>, where: { node?: string; connection?: string }, label: string, report: Report): void {
  for (const [placeholder, path] of found) {
    const name = placeholder.slice(2, -1);
    const text = FREE_TEXT.has(path);
    report({
      ...where,
      ...(text ? { severity: FlowValidationSeverity.WARNING } : {}),
      message: `${label} still holds the placeholder '${placeholder}' (at ${path}): `
        + (SUBSTITUTABLE.test(name)
          ? `give it a value with the substitutions option, e.g. FlowDefinition.fromFile(file, { substitutions: { ${name}: ... } })`
          : 'replace it with a value (substitution names are letters and digits only)')
        + (text ? '; if the text means it literally, ignore this warning' : ''),
    });
  }
}

const LOOP_DEFINITION: readonly string[] = ['configuration', 'loop', 'definition'];

/**
 * Collects the placeholders (with the path of the first of each) in the strings of a JSON value,
 * not descending into tokens, intrinsics or the object at `skip`. Paths are only built for matches.
 */
function scan(value: unknown, path: (string | number)[], found: Map<string, string>, skip: readonly string[] | undefined): void {
  if (typeof value === 'string') {
    if (!value.includes('${')) return;
    for (const m of value.matchAll(PLACEHOLDER)) {
      if (!found.has(m[0])) found.set(m[0], pathText(path) || '(value)');
    }
  } else if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      path.push(i);
      scan(value[i], path, found, skip);
      path.pop();
    }
  } else {
    if (!isPlainObject(value)) return; // not into tokens and intrinsics
    for (const key in value) {
      path.push(key);
      if (skip === undefined || !isPath(path, skip)) scan(value[key], path, found, skip);
      path.pop();
    }
  }
}

/** Whether `path` is `skip` (without writing the path as text: this runs for every key of a Loop node). */
function isPath(path: readonly (string | number)[], skip: readonly string[]): boolean {
  if (path.length !== skip.length) return false;
  for (let i = 0; i < path.length; i++) if (path[i] !== skip[i]) return false;
  return true;
}

/** Whether a JSON value has a string with a placeholder: a quick walk, without paths (may enter intrinsics). */
function holdsPlaceholder(value: unknown): boolean {
  if (typeof value === 'string') return hasPlaceholder(value);
  if (value === null || typeof value !== 'object') return false;
  if (Array.isArray(value)) {
    for (const item of value) if (holdsPlaceholder(item)) return true;
    return false;
  }
  if (isResolvableObject(value)) return false;
  for (const key in value) if (holdsPlaceholder((value as any)[key])) return true;
  return false;
}

/**
 * Whether a string holds a `${...}` that is not a CDK token, as `PLACEHOLDER` finds them: a scan for
 * `${`, as most strings have none and most that have one are token strings.
 */
function hasPlaceholder(text: string): boolean {
  for (let at = text.indexOf('${'); at !== -1; at = text.indexOf('${', at + 2)) {
    if (text.startsWith('Token[', at + 2)) continue;
    const close = text.indexOf('}', at + 2);
    if (close === -1) return false;
    const open = text.indexOf('{', at + 2);
    if (open === -1 || open > close) return true;
  }
  return false;
}
