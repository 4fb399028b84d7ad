import { FlowPermission, PermissionContext } from './types';
import { FlowNodeJson } from '../definition/schema';

/** Lex node: `lex:RecognizeUtterance` on the bot alias ARN (Bedrock calls Lex as the flow's role). */
export function lexPermissions(node: FlowNodeJson, _ctx: PermissionContext): FlowPermission[] {
  const botAliasArn = node.configuration?.lex?.botAliasArn;
  if (typeof botAliasArn !== 'string' || botAliasArn.length === 0) return [];
  return [{
    actions: ['lex:RecognizeUtterance'],
    resources: [botAliasArn],
    reason: `Lex node '${node.name}' sends utterances to its bot alias`,
  }];
}
