/*
 * Run-time values: the JSON type of a value, checks against declared types, short descriptions
 * for error messages.
 */
import { DATA_TYPES } from '../../definition/schema';

/** The flow data type of a JSON value, or a description of what it is instead. */
export function typeOf(value: unknown): string {
  if (value === null) return 'null';
  if (value === undefined) return 'nothing';
  if (Array.isArray(value)) return 'Array';
  switch (typeof value) {
    case 'string': return 'String';
    case 'number': return 'Number';
    case 'boolean': return 'Boolean';
    case 'object': return 'Object';
    default: return typeof value;
  }
}

/**
 * Whether a value matches a declared type. Types that are not one of the five data types (an
 * unresolved token, say) accept anything.
 */
export function matchesType(value: unknown, type: string): boolean {
  if (!(DATA_TYPES as readonly string[]).includes(type)) return true;
  if (type === 'Number') return typeof value === 'number' && Number.isFinite(value);
  return typeOf(value) === type;
}

/** A short rendering of a value for messages: `a String ("hello")`, `an Object ({"a":1})`. */
export function describeValue(value: unknown): string {
  const type = typeOf(value);
  if (type === 'null' || type === 'nothing') return type;
  let text = JSON.stringify(value) ?? String(value);
  if (text.length > 60) text = text.slice(0, 57) + '...';
  return `${/^[AEIOU]/.test(type) ? 'an' : 'a'} ${type} (${text})`;
}

/** A template variable's text: strings as they are, everything else as JSON. */
export function templateText(value: unknown): string {
  return typeof value === 'string' ? value : JSON.stringify(value) ?? String(value);
}

/** Whether a value is a JSON object (not null, not an array). */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/**
 * A bucket name from a definition: a string, or a CloudFormation reference (`{ Ref: 'Bucket1234' }`
 * from a resolved stack), which is named by its logical id.
 */
export function bucketNameOf(value: unknown): string {
  if (typeof value === 'string') return value;
  if (isRecord(value) && typeof value.Ref === 'string') return value.Ref;
  return JSON.stringify(value) ?? String(value);
}
