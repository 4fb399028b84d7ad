import { IResolvable, Token, Tokenization } from 'aws-cdk-lib';
import { isIntrinsic } from './tokens';

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
 * Replaces every CDK token and CloudFormation intrinsic of a rendered definition with a `${Key}`
 * placeholder, so that the definition can be written to a file (an S3 asset), and returns the
 * placeholders' values for `DefinitionSubstitutions`. The same token gets the same placeholder.
 * @param where the flow, for errors
 */
export function withPlaceholders(definition: unknown, where: string): DefinitionWithPlaceholders {
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
      return Tokenization.reverseString(value).mapTokens({ mapToken: (token: IResolvable) => placeholder(Token.asString(token)) }).join({
        join: (left: any, right: any) => `${left}${right}`,
      });
    }
    if (typeof value === 'number') {
      if (Token.isUnresolved(value)) throw notText(where, path, 'a number');
      return value;
    }
    if (Array.isArray(value)) {
      if (Token.isUnresolved(value)) throw notText(where, path, 'a list');
      return value.map((item, i) => visit(item, `${path}[${i}]`));
    }
    if (value !== null && typeof value === 'object') {
      if (Token.isUnresolved(value) || isIntrinsic(value)) return placeholder(Token.asString(value));
      const out: { [key: string]: unknown } = {};
      for (const [key, item] of Object.entries(value)) out[key] = visit(item, path ? `${path}.${key}` : key);
      return out;
    }
    return value;
  };

  return { json: visit(definition, ''), substitutions };
}

function notText(where: string, path: string, what: string): Error {
  return new Error(`${where}: '${path}' is ${what} known only at deployment, which a definition written to an S3 asset cannot hold `
    + '(CloudFormation substitutes text): give a literal number, or keep the definition in the template (definitionLocation: FlowDefinitionLocation.TEMPLATE)');
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
  } else if (typeof (value as any).resolve !== 'function') {
    for (const key in value) length += key.length + 4 + approximateJsonLength((value as any)[key]);
  }
  return length;
}
