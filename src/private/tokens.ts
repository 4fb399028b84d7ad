import { Token } from 'aws-cdk-lib';

/**
 * Whether a value is not known at synth time: a CDK token, or a string holding a `${...}`
 * placeholder (CDK token strings and definition substitutions both look like that).
 * Checks never fail on such a value.
 */
export function isUnresolved(value: unknown): boolean {
  if (typeof value === 'string') return value.includes('${') || Token.isUnresolved(value);
  if (typeof value === 'number') return Token.isUnresolved(value);
  if (value !== null && typeof value === 'object') return Token.isUnresolved(value);
  return false;
}
