import { createHash } from 'crypto';
import { Token } from 'aws-cdk-lib';
import { isUnresolved } from './tokens';

/** Node, input, output and condition names: 2–101 characters, letters, digits, single inner underscores. */
export const NODE_NAME_PATTERN = /^[a-zA-Z]([_]?[0-9a-zA-Z]){1,50}$/;
/** Connection names. */
export const CONNECTION_NAME_PATTERN = /^[a-zA-Z]([_]?[0-9a-zA-Z]){1,100}$/;
/** Flow and alias names. */
export const FLOW_NAME_PATTERN = /^([0-9a-zA-Z][_-]?){1,100}$/;

/** What a valid node-style name looks like, for error messages. */
export const NODE_NAME_RULE = 'letters, digits and single underscores between them, starting with a letter, 2–101 characters';

/**
 * Throws when `name` is not a valid node/input/output/condition name.
 * @param what what the name is, e.g. "node 'X': the input name"; a function when it costs something
 * to word (such as a construct path), called only when the name is not valid
 * @param fix what to do instead, appended to the message
 */
export function assertNodeStyleName(name: string, what: string | (() => string), fix: string): void {
  if (NODE_NAME_PATTERN.test(name) || isUnresolved(name)) return;
  throw new Error(`${typeof what === 'function' ? what() : what} '${name}' is not valid (${NODE_NAME_RULE}); ${fix}`);
}

/**
 * A connection name made of the given parts, joined with `_`, that matches the service pattern:
 * parts are cleaned of characters the pattern does not allow, and names that would be too long
 * are shortened and made unique with a hash of the full name.
 */
export function connectionName(...parts: string[]): string {
  // when the parts joined match the pattern, cleaning them would change nothing
  const joined = parts.join('_');
  if (CONNECTION_NAME_PATTERN.test(joined)) return joined;
  const cleaned = parts
    .map(p => p.replace(/[^0-9a-zA-Z_]/g, '').replace(/_+/g, '_').replace(/^_+|_+$/g, ''))
    .filter(p => p.length > 0);
  let name = cleaned.join('_');
  if (!/^[a-zA-Z]/.test(name)) name = `C${name}`;
  if (CONNECTION_NAME_PATTERN.test(name)) return name;
  const hash = createHash('sha256').update(parts.join('\u0000')).digest('hex').slice(0, 8).toUpperCase();
  // 101 alphanumeric characters at most: keep 92 of the name, then `_` and the 8-character hash
  let kept = '';
  let alnum = 0;
  for (const ch of name) {
    if (ch !== '_') alnum++;
    if (alnum > 92) break;
    kept += ch;
  }
  return `${kept.replace(/_+$/, '')}_${hash}`;
}

/** Throws when a flow or alias name (`what`, e.g. "flow name") does not match `([0-9a-zA-Z][_-]?){1,100}`. */
export function assertFlowStyleName(name: string, what: string): void {
  if (!Token.isUnresolved(name) && !FLOW_NAME_PATTERN.test(name)) {
    throw new Error(`${what} '${name}' is not valid: use letters and digits, with single '_' or '-' between them, at most 100`);
  }
}

/** Throws when a flow, version or alias description is not 1–200 characters. `of` names the resource. */
export function assertDescription(description: string | undefined, of: string): void {
  if (description !== undefined && !Token.isUnresolved(description) && (description.length < 1 || description.length > 200)) {
    throw new Error(`the description of ${of} must be 1–200 characters, got ${description.length}`);
  }
}
