import { agentPermissions } from './agent';
import { knowledgeBasePermissions } from './knowledge-base';
import { lambdaFunctionPermissions } from './lambda-function';
import { lexPermissions } from './lex';
import { promptPermissions } from './prompt';
import { retrievalPermissions } from './retrieval';
import { storagePermissions } from './storage';
import { FlowPermission, PermissionContext } from './types';
import { FlowDefinitionJson, FlowNodeJson } from '../definition/schema';

export * from './types';
export { modelPermissions, guardrailPermissions, crossRegionModelId } from './models';

/** Derives the permissions one node of a given type needs, from its JSON. */
export type NodePermissionDeriver = (node: FlowNodeJson, ctx: PermissionContext) => FlowPermission[];

/** Node types whose configuration names AWS resources the flow role must reach. */
const DERIVERS: { [nodeType: string]: NodePermissionDeriver } = {
  Prompt: promptPermissions,
  KnowledgeBase: knowledgeBasePermissions,
  LambdaFunction: lambdaFunctionPermissions,
  Agent: agentPermissions,
  Lex: lexPermissions,
  Storage: storagePermissions,
  Retrieval: retrievalPermissions,
};

/** The IAM permissions one node needs, from its JSON (not the nodes of a Loop node's body). */
export function deriveNodePermissions(node: FlowNodeJson, ctx: PermissionContext): FlowPermission[] {
  return DERIVERS[node?.type]?.(node, ctx) ?? [];
}

/**
 * The IAM permissions a flow's service role needs for a plain JSON definition (built, imported or
 * exported from the console), including the nodes of loop bodies. Values that are tokens are used as
 * they are, so the result may hold tokens.
 */
export function deriveFlowPermissions(definition: FlowDefinitionJson, ctx: PermissionContext): FlowPermission[] {
  const result: FlowPermission[] = [];
  const visit = (def: FlowDefinitionJson | undefined) => {
    for (const node of def?.nodes ?? []) {
      result.push(...deriveNodePermissions(node, ctx));
      if (node?.type === 'Loop') visit(node.configuration?.loop?.definition);
    }
  };
  visit(definition);
  return result;
}

/**
 * The permissions with the same actions and conditions merged into one, each with the union of
 * their resources (in first-seen order, without duplicates): the same access in fewer, shorter IAM
 * statements. Values that are tokens compare by their token string, which is stable per value.
 */
export function mergePermissions(permissions: FlowPermission[]): FlowPermission[] {
  const merged = new Map<string, { actions: string[]; resources: string[]; conditions?: FlowPermission['conditions']; reasons: string[] }>();
  for (const p of permissions) {
    const key = JSON.stringify([p.actions, p.conditions]);
    let entry = merged.get(key);
    if (!entry) {
      entry = { actions: p.actions, resources: [], conditions: p.conditions, reasons: [] };
      merged.set(key, entry);
    }
    for (const r of p.resources) if (!entry.resources.includes(r)) entry.resources.push(r);
    if (!entry.reasons.includes(p.reason)) entry.reasons.push(p.reason);
  }
  return [...merged.values()].map(e => ({
    actions: e.actions,
    resources: e.resources,
    ...(e.conditions ? { conditions: e.conditions } : {}),
    reason: e.reasons.join('; '),
  }));
}
