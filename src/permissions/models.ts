import { arn, FlowPermission, PermissionContext } from './types';
import { isUnresolved } from '../private/tokens';

/** Prefixes of cross-Region (system-defined) inference profile ids. */
export const CROSS_REGION_PREFIXES = ['us', 'eu', 'apac', 'us-gov', 'jp', 'au', 'ca', 'global'];

const CROSS_REGION_ID = new RegExp(`^(${CROSS_REGION_PREFIXES.join('|')})\\.(.+)$`);
const BEDROCK_ARN = /^arn:[^:]+:bedrock:([^:]*):([^:]*):([a-z-]+)\/(.+)$/;

/** The underlying model id of a cross-Region inference profile id, or undefined if it is not one. */
export function crossRegionModelId(profileId: string): string | undefined {
  return CROSS_REGION_ID.exec(profileId)?.[2];
}

/**
 * What the flow role needs to invoke the model named by a `modelId` of a Prompt or KnowledgeBase
 * node: a foundation model id, a cross-Region inference profile id, or a Bedrock ARN. An unresolved
 * value (a token) is taken to be an ARN.
 */
export function modelPermissions(modelId: string, ctx: PermissionContext, reason: string): FlowPermission[] {
  const invoke = (resources: string[], ...extra: string[]): FlowPermission =>
    ({ actions: ['bedrock:InvokeModel', ...extra], resources, reason });
  if (isUnresolved(modelId)) return [invoke([modelId])];

  const m = BEDROCK_ARN.exec(modelId);
  if (m) {
    const [, , , resourceType, resourceId] = m;
    switch (resourceType) {
      case 'inference-profile': {
        const underlying = crossRegionModelId(resourceId);
        return [invoke(underlying
          ? [modelId, arn(ctx, 'bedrock', '*', '', `foundation-model/${underlying}`)]
          : [modelId])];
      }
      case 'application-inference-profile':
        return [invoke([modelId], 'bedrock:GetInferenceProfile')];
      case 'provisioned-model':
        return [invoke([modelId], 'bedrock:GetProvisionedModelThroughput')];
      case 'custom-model':
        return [invoke([modelId], 'bedrock:GetCustomModel')];
      default:
        return [invoke([modelId])];
    }
  }
  if (modelId.startsWith('arn:')) return [invoke([modelId])];

  const underlying = crossRegionModelId(modelId);
  if (underlying) {
    return [invoke([
      arn(ctx, 'bedrock', ctx.region, ctx.account, `inference-profile/${modelId}`),
      arn(ctx, 'bedrock', '*', '', `foundation-model/${underlying}`),
    ])];
  }
  return [invoke([arn(ctx, 'bedrock', ctx.region, '', `foundation-model/${modelId}`)])];
}

/** The ARN of a guardrail given by id or ARN. */
export function guardrailArn(identifier: string, ctx: PermissionContext): string {
  if (isUnresolved(identifier) || identifier.startsWith('arn:')) return identifier;
  return arn(ctx, 'bedrock', ctx.region, ctx.account, `guardrail/${identifier}`);
}

/** What the flow role needs to apply a guardrail configuration (`{ guardrailIdentifier, guardrailVersion }`). */
export function guardrailPermissions(config: any, ctx: PermissionContext, reason: string): FlowPermission[] {
  const id = config?.guardrailIdentifier;
  if (typeof id !== 'string' || id.length === 0) return [];
  return [{ actions: ['bedrock:ApplyGuardrail'], resources: [guardrailArn(id, ctx)], reason }];
}
