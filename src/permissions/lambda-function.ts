import { FlowPermission, PermissionContext } from './types';
import { FlowNodeJson } from '../definition/schema';
import { isUnresolved } from '../private/tokens';

/** LambdaFunction node: `lambda:InvokeFunction` on the function ARN (and its qualified ARNs). */
export function lambdaFunctionPermissions(node: FlowNodeJson, _ctx: PermissionContext): FlowPermission[] {
  const lambdaArn = node.configuration?.lambdaFunction?.lambdaArn;
  if (typeof lambdaArn !== 'string' || lambdaArn.length === 0) return [];
  const qualified = !isUnresolved(lambdaArn) && /:function:[^:]+:[^:]+$/.test(lambdaArn);
  return [{
    actions: ['lambda:InvokeFunction'],
    resources: qualified ? [lambdaArn] : [lambdaArn, `${lambdaArn}:*`],
    reason: `LambdaFunction node '${node.name}' invokes its function`,
  }];
}
