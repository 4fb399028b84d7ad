import { FlowPermission, PermissionContext } from './types';
import { FlowNodeJson } from '../definition/schema';

/** Agent node: `bedrock:InvokeAgent` on the agent alias ARN. */
export function agentPermissions(node: FlowNodeJson, _ctx: PermissionContext): FlowPermission[] {
  const aliasArn = node.configuration?.agent?.agentAliasArn;
  if (typeof aliasArn !== 'string' || aliasArn.length === 0) return [];
  return [{
    actions: ['bedrock:InvokeAgent'],
    resources: [aliasArn],
    reason: `Agent node '${node.name}' invokes its agent alias`,
  }];
}
