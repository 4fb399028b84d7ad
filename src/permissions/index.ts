import { lambdaFunctionPermissions } from './lambda-function';
import { promptPermissions } from './prompt';
import { FlowPermission, PermissionContext } from './types';
import { FlowDefinitionJson, FlowNodeJson } from '../definition/schema';

export * from './types';
export { modelPermissions, guardrailPermissions, crossRegionModelId } from './models';

/** Derives the permissions one node of a given type needs, from its JSON. */
export type NodePermissionDeriver = (node: FlowNodeJson, ctx: PermissionContext) => FlowPermission[];

/** Node types whose configuration names AWS resources the flow role must reach. */
const DERIVERS: { [nodeType: string]: NodePermissionDeriver } = {
  Prompt: promptPermissions,
  LambdaFunction: lambdaFunctionPermissions,
};

/**
 * The IAM permissions a flow's service role needs for a plain JSON definition (built, imported or
 * exported from the console), including the nodes of loop bodies. Duplicates are removed.
 * Values that are tokens are used as they are, so the result may hold tokens.
 */
export function deriveFlowPermissions(definition: FlowDefinitionJson, ctx: PermissionContext): FlowPermission[] {
  const seen = new Set<string>();
  const result: FlowPermission[] = [];
  const visit = (def: FlowDefinitionJson | undefined) => {
    for (const node of def?.nodes ?? []) {
      for (const permission of DERIVERS[node?.type]?.(node, ctx) ?? []) {
        const key = JSON.stringify([permission.actions, permission.resources, permission.conditions]);
        if (!seen.has(key)) {
          seen.add(key);
          result.push(permission);
        }
      }
      if (node?.type === 'Loop') visit(node.configuration?.loop?.definition);
    }
  };
  visit(definition);
  return result;
}
