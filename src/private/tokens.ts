import { Token } from 'aws-cdk-lib';

/**
 * Whether a value is not known at synth time: a CDK token, a string holding a `${...}`
 * placeholder (CDK token strings and definition substitutions both look like that), or a
 * CloudFormation intrinsic (`{ Ref }`, `{ 'Fn::GetAtt': ... }`) as in a resolved definition.
 * Checks never fail on such a value.
 */
export function isUnresolved(value: unknown): boolean {
  // every CDK string token contains `${Token[`, so the `${` test covers tokens and placeholders alike
  if (typeof value === 'string') return value.includes('${');
  if (typeof value === 'number') return Token.isUnresolved(value);
  if (value !== null && typeof value === 'object') return Token.isUnresolved(value) || isIntrinsic(value);
  return false;
}

function isIntrinsic(value: object): boolean {
  const keys = Object.keys(value);
  return keys.length === 1 && (keys[0] === 'Ref' || keys[0].startsWith('Fn::'));
}
