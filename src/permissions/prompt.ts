import { guardrailPermissions, modelPermissions } from './models';
import { FlowPermission, PermissionContext } from './types';
import { FlowNodeJson } from '../definition/schema';
import { isUnresolved } from '../private/tokens';

/**
 * Prompt node: `bedrock:InvokeModel` on the inline prompt's model, or `bedrock:RenderPrompt` on a
 * managed prompt (the prompt's own model is not in the definition; the builder's PromptNode adds it),
 * and `bedrock:ApplyGuardrail` for a guardrail.
 */
export function promptPermissions(node: FlowNodeJson, ctx: PermissionContext): FlowPermission[] {
  const config = node.configuration?.prompt;
  const permissions: FlowPermission[] = [];
  const inline = config?.sourceConfiguration?.inline;
  const resource = config?.sourceConfiguration?.resource;
  if (typeof inline?.modelId === 'string') {
    permissions.push(...modelPermissions(inline.modelId, ctx, `Prompt node '${node.name}' invokes its model`));
  }
  if (typeof resource?.promptArn === 'string') {
    permissions.push({
      actions: ['bedrock:RenderPrompt'],
      resources: promptArns(resource.promptArn),
      reason: `Prompt node '${node.name}' renders its managed prompt`,
    });
  }
  permissions.push(...guardrailPermissions(config?.guardrailConfiguration, ctx, `Prompt node '${node.name}' applies its guardrail`));
  return permissions;
}

/** A managed prompt ARN, and its versions when the ARN has no version. */
export function promptArns(promptArn: string): string[] {
  if (isUnresolved(promptArn)) return [promptArn, `${promptArn}:*`];
  return /:prompt\/[0-9a-zA-Z]{10}:\d+$/.test(promptArn) ? [promptArn] : [promptArn, `${promptArn}:*`];
}
