import { guardrailPermissions, modelPermissions } from './models';
import { arn, FlowPermission, PermissionContext } from './types';
import { FlowNodeJson } from '../definition/schema';

/**
 * KnowledgeBase node:
 * - `bedrock:Retrieve` on the knowledge base (`knowledge-base/<id>` in the flow's account and Region);
 * - with a `modelId` (RetrieveAndGenerate): `bedrock:RetrieveAndGenerate` on `*` (the action has no
 *   resource type) and `bedrock:InvokeModel` on the model;
 * - with a guardrail: `bedrock:ApplyGuardrail` on it;
 * - with reranking: `bedrock:Rerank` on `*` (no resource type) and `bedrock:InvokeModel` on the reranking model.
 */
export function knowledgeBasePermissions(node: FlowNodeJson, ctx: PermissionContext): FlowPermission[] {
  const config = node.configuration?.knowledgeBase;
  const id = config?.knowledgeBaseId;
  const permissions: FlowPermission[] = [];
  if (typeof id === 'string' && id.length > 0) {
    permissions.push({
      actions: ['bedrock:Retrieve'],
      resources: [arn(ctx, 'bedrock', ctx.region, ctx.account, `knowledge-base/${id}`)],
      reason: `KnowledgeBase node '${node.name}' retrieves from its knowledge base`,
    });
  }
  if (typeof config?.modelId === 'string' && config.modelId.length > 0) {
    permissions.push({
      actions: ['bedrock:RetrieveAndGenerate'],
      resources: ['*'],
      reason: `KnowledgeBase node '${node.name}' generates a response (bedrock:RetrieveAndGenerate has no resource type)`,
    });
    permissions.push(...modelPermissions(config.modelId, ctx, `KnowledgeBase node '${node.name}' invokes its model`));
  }
  permissions.push(...guardrailPermissions(config?.guardrailConfiguration, ctx, `KnowledgeBase node '${node.name}' applies its guardrail`));
  const rerankingModelArn = config?.rerankingConfiguration?.bedrockRerankingConfiguration?.modelConfiguration?.modelArn;
  if (typeof rerankingModelArn === 'string' && rerankingModelArn.length > 0) {
    permissions.push({
      actions: ['bedrock:Rerank'],
      resources: ['*'],
      reason: `KnowledgeBase node '${node.name}' reranks its results (bedrock:Rerank has no resource type)`,
    });
    permissions.push(...modelPermissions(rerankingModelArn, ctx, `KnowledgeBase node '${node.name}' invokes its reranking model`));
  }
  return permissions;
}
