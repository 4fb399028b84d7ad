import { CfnResource } from 'aws-cdk-lib';
import { IConstruct } from 'constructs';

/**
 * A cdk-nag rule suppression, written as resource metadata so that the library does not depend on
 * cdk-nag. Users who run cdk-nag's packs over a stack with the pattern see only findings that are
 * not explained here.
 */
export interface NagSuppression {
  /** The rule, e.g. `AwsSolutions-IAM5`. */
  readonly id: string;
  /** Why the finding is acceptable for this pattern (ASCII, at least 10 characters). */
  readonly reason: string;
  /** The findings of a granular rule the suppression covers: exact strings or `/regex/` patterns. */
  readonly appliesTo?: (string | { readonly regex: string })[];
}

/**
 * Adds cdk-nag suppressions to the CloudFormation resource of `construct` (its default child, or the
 * construct itself), and with `applyToChildren` to every resource below it. Same format as
 * `NagSuppressions.addResourceSuppressions` of cdk-nag 2.x (`cdk_nag.rules_to_suppress`).
 */
export function suppressNag(construct: IConstruct, suppressions: NagSuppression[], applyToChildren = false): void {
  const targets = applyToChildren ? construct.node.findAll() : [construct];
  for (const target of targets) {
    const resource = target.node.defaultChild ?? target;
    if (!CfnResource.isCfnResource(resource)) continue;
    const rules: any[] = [...(resource.getMetadata('cdk_nag')?.rules_to_suppress ?? [])];
    for (const s of suppressions) {
      if (s.reason.length < 10 || /[^\x20-\x7e]/.test(s.reason)) {
        throw new Error(`cdk-nag suppression ${s.id}: the reason must be printable ASCII of at least 10 characters`);
      }
      const rule = { reason: s.reason, id: s.id, ...(s.appliesTo ? { applies_to: s.appliesTo } : {}) };
      if (!rules.some(r => JSON.stringify(r) === JSON.stringify(rule))) rules.push(rule);
    }
    resource.addMetadata('cdk_nag', { rules_to_suppress: rules });
  }
}
