import { RemovalPolicy } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { Flow, FlowDataType, FlowDefinition, FlowModel, FlowVersion, InputNode, OutputNode, PromptNode } from '../src';
import { testStack } from './util/render';

/** A flow whose prompt template can vary, and the logical id of its current version. */
function currentVersionId(template: string, options: { removalPolicy?: RemovalPolicy } = {}) {
  const stack = testStack();
  const doc = new InputNode(stack, 'Question', { type: FlowDataType.STRING });
  const answer = new PromptNode(stack, 'Answer', { model: FlowModel.foundationModel('amazon.nova-lite-v1:0'), template });
  const flow = new Flow(stack, 'Flow', {
    definition: FlowDefinition.fromChainable(doc.next(answer).next(new OutputNode(stack, 'Out'))),
    currentVersionOptions: options,
  });
  flow.addAlias('live');
  const versions = Template.fromStack(stack).findResources('AWS::Bedrock::FlowVersion');
  return { ids: Object.keys(versions), versions };
}

describe('FlowVersion', () => {
  test('the current version carries a hash of the resolved definition in its logical id', () => {
    const { ids, versions } = currentVersionId('Answer: {{question}}');
    expect(ids).toHaveLength(1);
    expect(ids[0]).toMatch(/^FlowCurrentVersion[0-9A-F]{8}[0-9A-F]{16}$/);
    expect(versions[ids[0]].Properties).toEqual({ FlowArn: { 'Fn::GetAtt': ['FlowA74D6E88', 'Arn'] } });
  });

  test('an unchanged definition keeps the version', () => {
    expect(currentVersionId('Answer: {{question}}').ids).toEqual(currentVersionId('Answer: {{question}}').ids);
  });

  test('a changed definition creates a new version', () => {
    expect(currentVersionId('Answer briefly: {{question}}').ids).not.toEqual(currentVersionId('Answer: {{question}}').ids);
  });

  test('old versions can be retained', () => {
    const { versions } = currentVersionId('Answer: {{question}}', { removalPolicy: RemovalPolicy.RETAIN });
    expect(Object.values(versions)[0]).toMatchObject({ DeletionPolicy: 'Retain', UpdateReplacePolicy: 'Retain' });
  });

  test('addVersion pins a snapshot with a plain logical id and a description', () => {
    const stack = testStack();
    const doc = new InputNode(stack, 'Question', { type: FlowDataType.STRING });
    const flow = new Flow(stack, 'Flow', { definition: FlowDefinition.fromChainable(doc.next(new OutputNode(stack, 'Out'))) });
    const v1 = flow.addVersion('V1', { description: 'first release' });
    expect(v1.flow).toBe(flow);
    expect(v1.flowVersionRef.flowArn).toBe(flow.flowArn);
    Template.fromStack(stack).hasResource('AWS::Bedrock::FlowVersion', {
      Properties: { FlowArn: { 'Fn::GetAtt': ['FlowA74D6E88', 'Arn'] }, Description: 'first release' },
      DeletionPolicy: 'Delete',
    });
  });

  test('imports a version by number and rejects an invalid one', () => {
    const stack = testStack();
    const flow = Flow.fromFlowArn(stack, 'Flow', 'arn:aws:bedrock:us-east-1:111122223333:flow/FLOW123456');
    const v3 = FlowVersion.fromFlowVersionAttributes(stack, 'V3', { flow, version: '3' });
    expect(v3.version).toBe('3');
    expect(v3.flowVersionRef).toEqual({ flowArn: flow.flowArn, version: '3' });
    expect(() => FlowVersion.fromFlowVersionAttributes(stack, 'Bad', { flow, version: 'v3' })).toThrow(/flow version 'v3' is not valid/);
  });

  test('throws on a description that is too long', () => {
    const stack = testStack();
    const flow = Flow.fromFlowArn(stack, 'Flow', 'arn:aws:bedrock:us-east-1:111122223333:flow/FLOW123456');
    expect(() => new FlowVersion(stack, 'V', { flow, description: '' })).toThrow(/must be 1–200 characters, got 0/);
  });
});
