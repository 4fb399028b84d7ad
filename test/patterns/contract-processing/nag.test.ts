import { Aspects, Duration, Stack } from 'aws-cdk-lib';
import { Annotations, Match, Template } from 'aws-cdk-lib/assertions';
import * as s3 from 'aws-cdk-lib/aws-s3';
import * as sns from 'aws-cdk-lib/aws-sns';
import { AwsSolutionsChecks } from 'cdk-nag';
import { patternStack } from './util';
import { FlowDefinition, InputNode, OutputNode } from '../../../src';
import { ContractProcessingPipeline, ContractProcessingPipelineProps } from '../../../src/patterns';

/** A stack with the pattern, checked with cdk-nag's AWS Solutions pack. */
function nagged(props: ContractProcessingPipelineProps = {}, stack: Stack = patternStack()) {
  new ContractProcessingPipeline(stack, 'Pipeline', props);
  Aspects.of(stack).add(new AwsSolutionsChecks({ verbose: true }));
  const template = Template.fromStack(stack);
  const annotations = Annotations.fromStack(stack);
  const findings = [
    ...annotations.findError('*', Match.stringLikeRegexp('AwsSolutions-.*')),
    ...annotations.findWarning('*', Match.stringLikeRegexp('AwsSolutions-.*')),
  ].map(f => `${f.id}: ${String(f.entry.data).split(':')[0]}`);
  return { template, findings };
}

/** Every cdk-nag suppression of a template, by resource. */
function suppressions(template: Template): { resource: string; id: string; reason: string }[] {
  return Object.entries(template.toJSON().Resources as { [id: string]: any })
    .flatMap(([resource, r]) => (r.Metadata?.cdk_nag?.rules_to_suppress ?? []).map((s: any) => ({ resource, id: s.id, reason: s.reason })));
}

describe('ContractProcessingPipeline and cdk-nag AwsSolutions', () => {
  test('still reports the findings of resources outside the pattern (the check runs)', () => {
    // GIVEN
    const stack = patternStack();
    new s3.Bucket(stack, 'Plain');

    // WHEN
    const { findings } = nagged({}, stack);

    // THEN
    expect(findings).toEqual(expect.arrayContaining([
      '/ContractStack/Plain/Resource: AwsSolutions-S1',
      '/ContractStack/Plain/Resource: AwsSolutions-S10',
    ]));
    expect(findings.every(f => f.startsWith('/ContractStack/Plain/'))).toBe(true);
  });

  test('reports no unsuppressed finding with the defaults', () => {
    const { findings } = nagged();
    expect(findings).toEqual([]);
  });

  test('reports no unsuppressed finding with a prefix, an alarm topic and custom settings', () => {
    // GIVEN
    const stack = patternStack();
    const alarmTopic = new sns.Topic(stack, 'Alerts', { enforceSSL: true });

    // WHEN
    const { findings } = nagged({
      objectKeyPrefix: 'incoming/',
      objectKeySuffixes: ['.pdf', '.PDF'],
      resultKeyPrefix: 'analyses/',
      alarmTopic,
      idempotencyTtl: Duration.days(1),
      qualityThreshold: 8,
    }, stack);

    // THEN
    expect(findings).toEqual([]);
  });

  test('reports no unsuppressed finding with an existing bucket of the app', () => {
    // GIVEN
    const stack = patternStack();
    const inputBucket = new s3.Bucket(stack, 'Contracts', {
      enforceSSL: true, serverAccessLogsPrefix: 'logs/', versioned: true,
    });

    // WHEN
    const { findings } = nagged({ inputBucket }, stack);

    // THEN
    expect(findings).toEqual([]);
  });

  test('reports no unsuppressed finding with a replacement flow', () => {
    // GIVEN
    const stack = patternStack();
    const input = new InputNode(stack, 'Document');
    input.next(new OutputNode(stack, 'Echo'));

    // WHEN
    const { findings } = nagged({ flowDefinition: FlowDefinition.fromChainable(input) }, stack);

    // THEN
    expect(findings).toEqual([]);
  });

  test('explains every suppression', () => {
    // WHEN
    const { template } = nagged();

    // THEN
    const all = suppressions(template);
    expect(new Set(all.map(s => s.id))).toEqual(new Set(['AwsSolutions-IAM5', 'AwsSolutions-S1', 'AwsSolutions-SQS3']));
    for (const s of all) {
      expect(s.reason.length).toBeGreaterThanOrEqual(60);
    }
    // no blanket suppression of wildcard permissions: each IAM5 suppression names the findings it covers
    for (const [, r] of Object.entries(template.toJSON().Resources as { [id: string]: any })) {
      for (const s of r.Metadata?.cdk_nag?.rules_to_suppress ?? []) {
        if (s.id === 'AwsSolutions-IAM5') expect(s.applies_to).toBeDefined();
      }
    }
  });
});
