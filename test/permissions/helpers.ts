import { Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { Flow, FlowDefinition, IFlowChainable } from '../../src';
import { PermissionContext } from '../../src/permissions';

/** A plain permission context, for derivations without CloudFormation. */
export const CTX: PermissionContext = { partition: 'aws', region: 'us-east-1', account: '111122223333' };

/** `arn:${AWS::Partition}<rest>`, as a stack with a concrete account and Region renders it. */
export function partitionArn(rest: string): any {
  return { 'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, rest]] };
}

/** Creates a Flow of the chain and asserts that the role's policy has exactly the given statements. */
export function expectFlowStatements(stack: Stack, chain: IFlowChainable, statements: any[]): Template {
  new Flow(stack, 'Flow', { definition: FlowDefinition.fromChainable(chain) });
  const template = Template.fromStack(stack);
  template.hasResourceProperties('AWS::IAM::Policy', {
    PolicyDocument: { Statement: statements.map(s => ({ Effect: 'Allow', ...s })) },
  });
  return template;
}
