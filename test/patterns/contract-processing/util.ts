import { App, Stack, StackProps } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { FlowDefinitionJson } from '../../../src/definition/schema';
import { ContractProcessingPipeline, ContractProcessingPipelineProps } from '../../../src/patterns';

/** A stack in a fixed account and Region, so that ARNs in assertions are plain where possible. */
export function patternStack(id = 'ContractStack', props: StackProps = { env: { account: '111122223333', region: 'us-east-1' } }): Stack {
  return new Stack(new App(), id, props);
}

/** A stack with a pipeline, and its template. */
export function synthPipeline(props: ContractProcessingPipelineProps = {}, stack = patternStack()) {
  const pipeline = new ContractProcessingPipeline(stack, 'Pipeline', props);
  const template = Template.fromStack(stack);
  return { stack, pipeline, template };
}

/** The flow definition of a pipeline, resolved (no CloudFormation). */
export function definitionOf(pipeline: ContractProcessingPipeline): FlowDefinitionJson {
  return Stack.of(pipeline).resolve(pipeline.flow.definition.toJson());
}

/** The node of a definition with the given name. */
export function nodeNamed(definition: FlowDefinitionJson, name: string) {
  const node = definition.nodes?.find(n => n.name === name);
  if (!node) throw new Error(`no node '${name}' in ${JSON.stringify(definition.nodes?.map(n => n.name))}`);
  return node;
}

/** The one resource of a type in a template (fails if there are several). */
export function onlyResource(template: Template, type: string): { logicalId: string; properties: any } {
  const resources = Object.entries(template.findResources(type));
  if (resources.length !== 1) throw new Error(`expected one ${type}, found ${resources.length}`);
  return { logicalId: resources[0][0], properties: resources[0][1].Properties };
}

/** The statements of the IAM policies attached to the role whose logical id starts with `rolePrefix`. */
export function statementsOfRole(template: Template, rolePrefix: string): any[] {
  return Object.values(template.findResources('AWS::IAM::Policy'))
    .filter((p: any) => (p.Properties.Roles ?? []).some((r: any) => typeof r.Ref === 'string' && r.Ref.startsWith(rolePrefix)))
    .flatMap((p: any) => p.Properties.PolicyDocument.Statement);
}

const ASSET_HASH = /[0-9a-f]{64}/g;

/**
 * The template with the hashes of the Lambda code assets (which change with every handler or
 * bundler change) replaced by `<asset-hash>`, for snapshots.
 */
export function normalizedTemplate(template: Template): any {
  return JSON.parse(JSON.stringify(template.toJSON()).replace(ASSET_HASH, '<asset-hash>'));
}
