import { App, Stack } from 'aws-cdk-lib';
import { FlowDefinition, IFlowChainable } from '../../src';
import { FlowDefinitionJson } from '../../src/definition/schema';

/** A stack in a fixed account and Region, so ARNs in assertions are plain strings where possible. */
export function testStack(id = 'TestStack'): Stack {
  return new Stack(new App(), id, { env: { account: '111122223333', region: 'us-east-1' } });
}

/** The resolved definition JSON of a chainable, without CloudFormation. */
export function renderDefinition(stack: Stack, chainable: IFlowChainable): FlowDefinitionJson {
  return stack.resolve(FlowDefinition.fromChainable(chainable).toJson());
}

/** The node of a rendered definition with the given name. */
export function nodeOf(definition: FlowDefinitionJson, name: string) {
  const node = definition.nodes?.find(n => n.name === name);
  if (!node) throw new Error(`no node '${name}' in ${JSON.stringify(definition.nodes?.map(n => n.name))}`);
  return node;
}
