import { IResolvable, Stack, Token, Tokenization } from 'aws-cdk-lib';
import { isIntrinsic, isResolvableObject, isUnresolved } from './tokens';

/** What a definition file holds in place of the values known only at deployment, and those values. */
export interface DefinitionWithPlaceholders {
  /** The definition with a `${Key}` placeholder in place of each token and intrinsic. */
  readonly json: unknown;
  /** The value of each placeholder (CloudFormation `DefinitionSubstitutions`). */
  readonly substitutions: { [key: string]: string };
}

/** CloudFormation takes at most this many `DefinitionSubstitutions`. */
export const MAX_SUBSTITUTIONS = 500;

/** Placeholder names: letters and digits (the `DefinitionSubstitutions` key pattern), unlikely in a user's text. */
const KEY_PREFIX = 'CdkBedrockFlowsToken';

/**
 * Writes a rendered definition as it goes in a file (an S3 asset): a token whose value is known at
 * synth (a `Lazy` value, say) is replaced by that value, and each value known only at deployment (a
 * CloudFormation intrinsic: an ARN of this app, a `Ref`) by a `${Key}` placeholder, whose value is
 * returned for `DefinitionSubstitutions`. The same value gets the same placeholder. Deployment values
 * are ARNs, ids and names, which CloudFormation can put into JSON text as they are.
 * @param stack the stack that resolves the tokens
 * @param where the flow, for errors
 */
export function withPlaceholders(definition: unknown, stack: Stack, where: string): DefinitionWithPlaceholders {
  const substitutions: { [key: string]: string } = {};
  const keys = new Map<string, string>(); // the token's text → its placeholder name
  const placeholder = (value: string): string => {
    let key = keys.get(value);
    if (key === undefined) {
      key = `${KEY_PREFIX}${keys.size}`;
      if (keys.size >= MAX_SUBSTITUTIONS) {
        throw new Error(`${where}: its definition is written to an S3 asset, where each value known only at deployment (an ARN of this app, `
          + `a Ref, ...) becomes one of CloudFormation's DefinitionSubstitutions, and it has more than ${MAX_SUBSTITUTIONS} such values: `
          + 'use fewer distinct tokens, or keep the definition in the template (definitionLocation: FlowDefinitionLocation.TEMPLATE)');
      }
      keys.set(value, key);
      substitutions[key] = value;
    }
    return `\${${key}}`;
  };

  const visit = (value: unknown, path: string): unknown => {
    if (typeof value === 'string') {
      if (!Token.isUnresolved(value)) return value;
      return Tokenization.reverseString(value).mapTokens({
        mapToken: (token: IResolvable) => {
          const resolved = stack.resolve(token);
          return typeof resolved === 'string' && !Token.isUnresolved(resolved) ? resolved : placeholder(Token.asString(token));
        },
      }).join({ join: (left: any, right: any) => `${left}${right}` });
    }
    if (typeof value === 'number') {
      if (!Token.isUnresolved(value)) return value;
      const resolved = stack.resolve(value);
      if (typeof resolved !== 'number') throw notText(where, path, 'a number');
      return resolved;
    }
    if (value === null || typeof value !== 'object') return value;
    if (isUnresolved(value)) { // a token object, a list token or an intrinsic
      const resolved = stack.resolve(value);
      if (isIntrinsic(resolved)) {
        if (Array.isArray(value)) throw notText(where, path, 'a list');
        return placeholder(Token.asString(value));
      }
      return visit(resolved, path); // known at synth (intrinsics inside it become placeholders)
    }
    if (Array.isArray(value)) return value.map((item, i) => visit(item, `${path}[${i}]`));
    const out: { [key: string]: unknown } = {};
    for (const [key, item] of Object.entries(value)) out[key] = visit(item, path ? `${path}.${key}` : key);
    return out;
  };

  return { json: visit(definition, ''), substitutions };
}

function notText(where: string, path: string, what: string): Error {
  return new Error(`${where}: '${path}' is ${what} known only at deployment, which a definition written to an S3 asset cannot hold `
    + '(CloudFormation substitutes text): give the value itself, or keep the definition in the template (definitionLocation: FlowDefinitionLocation.TEMPLATE)');
}

/**
 * About how many characters the definition's JSON takes, without writing it: the lengths of its
 * strings and keys, and a little for each value's punctuation (tokens count as their placeholder text).
 */
export function approximateJsonLength(value: unknown): number {
  if (typeof value === 'string') return value.length + 3;
  if (value === null || typeof value !== 'object') return 8;
  let length = 2;
  if (Array.isArray(value)) {
    for (const item of value) length += approximateJsonLength(item) + 1;
  } else if (!isResolvableObject(value)) {
    for (const key in value) length += key.length + 4 + approximateJsonLength((value as any)[key]);
  }
  return length;
}
