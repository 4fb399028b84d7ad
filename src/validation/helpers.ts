/*
 * Small helpers the rules share for reading plain JSON and wording messages.
 */
import { FlowConnectionJson, FlowNodeJson } from '../definition/schema';
import { isIntrinsic, isResolvableObject, isUnresolved } from '../private/tokens';

/** `Prompt node 'Summarize'` (or `node 'Summarize'` when the type is not a string). */
export function nodeLabel(node: FlowNodeJson): string {
  return typeof node.type === 'string' ? `${node.type} node '${node.name}'` : `node '${node.name}'`;
}

/** `connection 'C' (A → B)`, for messages. */
export function connectionLabel(c: FlowConnectionJson): string {
  return `connection '${c.name}' (${c.source} → ${c.target})`;
}

/** The path of a value within a node or connection, `a.b[0].c`, for messages. */
export function pathText(path: readonly (string | number)[]): string {
  return path.map(p => typeof p === 'number' ? `[${p}]` : `.${p}`).join('').replace(/^\./, '');
}

/** Whether a value is an object (not null, not an array). */
export function isObject(value: unknown): value is { [key: string]: any } {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** Whether a value is set and known at synth time (not undefined/null, not a token or placeholder). */
export function isKnown(value: unknown): boolean {
  return value !== undefined && value !== null && !isUnresolved(value);
}

/** Whether a required value is absent: undefined, null or an empty string (console drafts leave those). */
export function isAbsent(value: unknown): boolean {
  return value === undefined || value === null || value === '';
}

/** `'a', 'b'` for messages. */
export function quoteList(values: Iterable<string>): string {
  const list = [...values].map(v => `'${v}'`);
  return list.length > 0 ? list.join(', ') : 'none';
}

/** A value as it is shown in messages: strings quoted, others as JSON. */
export function show(value: unknown): string {
  if (typeof value === 'string') return `'${value}'`;
  if (value === undefined) return '(missing)';
  return JSON.stringify(value);
}

/** The first of `candidates` equal to `value` ignoring case, for "did you mean" hints. */
export function caseInsensitiveMatch(value: unknown, candidates: readonly string[]): string | undefined {
  if (typeof value !== 'string') return undefined;
  const lower = value.toLowerCase();
  return candidates.find(c => c.toLowerCase() === lower);
}

/**
 * Whether a value is a plain JSON object that a walk may enter: an object, not an array, a CDK
 * token or a CloudFormation intrinsic (`{ Ref }`, `{ 'Fn::...': ... }`). Walks then read its keys
 * with `for...in`, which builds no key list (the hot path of walks over whole definitions).
 */
export function isPlainObject(value: unknown): value is { readonly [key: string]: unknown } {
  return value !== null && typeof value === 'object' && !Array.isArray(value) && !isResolvableObject(value) && !isIntrinsic(value);
}
