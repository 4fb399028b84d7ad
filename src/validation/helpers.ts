/*
 * Small helpers the rules share for reading plain JSON and wording messages.
 */
import { FlowNodeJson } from '../definition/schema';
import { isUnresolved } from '../private/tokens';

/** `Prompt node 'Summarize'` (or `node 'Summarize'` when the type is not a string). */
export function nodeLabel(node: FlowNodeJson): string {
  return typeof node.type === 'string' ? `${node.type} node '${node.name}'` : `node '${node.name}'`;
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
 * The keys of a plain JSON object, or undefined when the value is not an object, or is a CDK token
 * or a CloudFormation intrinsic (`{ Ref }`, `{ 'Fn::...': ... }`) — values a walk must not enter.
 * (One `Object.keys` per object: the hot path of walks over whole definitions.)
 */
export function plainKeys(value: unknown): string[] | undefined {
  if (value === null || typeof value !== 'object' || Array.isArray(value) || typeof (value as any).resolve === 'function') return undefined;
  const keys = Object.keys(value);
  if (keys.length === 1 && (keys[0] === 'Ref' || keys[0].startsWith('Fn::'))) return undefined;
  return keys;
}
