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
  if (value !== null && typeof value === 'object') {
    // Token.isUnresolved's own test for objects, without its call: a resolvable, or a list token (one token string)
    if (isResolvableObject(value)) return true;
    if (Array.isArray(value)) return value.length === 1 && typeof value[0] === 'string' && Token.isUnresolved(value);
    return isIntrinsic(value);
  }
  return false;
}

/** Whether an object is a CDK token object (a `Lazy` value, a reference, any `IResolvable`): it has `resolve()`. */
export function isResolvableObject(value: object): boolean {
  return typeof (value as any).resolve === 'function';
}

/** `{ Ref: ... }` or `{ 'Fn::...': ... }`: an object with exactly one key, an intrinsic's. (No key list is built: this runs on every object a check looks at.) */
export function isIntrinsic(value: object): boolean {
  if (Array.isArray(value)) return false;
  let only: string | undefined;
  for (const key in value) {
    if (only !== undefined) return false;
    only = key;
  }
  return only !== undefined && (only === 'Ref' || only.startsWith('Fn::'));
}
