import { Duration, RemovalPolicy } from 'aws-cdk-lib';
import * as logs from 'aws-cdk-lib/aws-logs';
import * as s3 from 'aws-cdk-lib/aws-s3';
import * as sns from 'aws-cdk-lib/aws-sns';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import { normalizedTemplate, patternStack, synthPipeline } from './util';
import { FlowDefinition, FlowModel, InputNode, OutputNode } from '../../../src';
import { ContractProcessingPipelineProps } from '../../../src/patterns';

// Snapshots of the whole pattern. The hashes of the bundled Lambda code are replaced by
// `<asset-hash>`, so that a change in a handler or in esbuild does not change them.
// Update with `npx jest test/patterns/contract-processing/snapshot.test.ts --ci=false -u`.

describe('ContractProcessingPipeline snapshot', () => {
  test('with all defaults', () => {
    // WHEN
    const { template } = synthPipeline();

    // THEN
    expect(normalizedTemplate(template)).toMatchSnapshot();
  });

  test('with everything customised', () => {
    // GIVEN
    const stack = patternStack();
    const props: ContractProcessingPipelineProps = {
      objectKeyPrefix: 'incoming/',
      objectKeySuffixes: ['.pdf', '.PDF', '.png'],
      resultKeyPrefix: 'analyses/',
      classificationModel: FlowModel.crossRegion('us.anthropic.claude-3-5-haiku-20241022-v1:0'),
      analysisModel: FlowModel.crossRegion('us.anthropic.claude-3-7-sonnet-20250219-v1:0'),
      qualityModel: FlowModel.foundationModel('amazon.nova-micro-v1:0'),
      classificationPrompt: 'Return {"contractType": "...", "language": "<ISO 639-1>"} for this contract:\n{{text}}',
      analysisPrompt: 'Analyze this {{contractType}} contract (originally {{language}}):\n{{text}}',
      qualityPrompt: 'Score this analysis of a {{contractType}} from 1 to 10 as {"score": n}:\n{{analysis}}',
      qualityThreshold: 8,
      maxTextCharacters: 50_000,
      flowName: 'contract-processing',
      aliasName: 'prod',
      invokerReservedConcurrency: 4,
      idempotencyTtl: Duration.days(30),
      pipelineName: 'contracts-prod',
      metricsNamespace: 'Legal/Contracts',
      errorRateThreshold: 2,
      errorRateEvaluationPeriods: 3,
      errorRatePeriod: Duration.minutes(10),
      alarmTopic: new sns.Topic(stack, 'Alerts', { enforceSSL: true }),
      dashboardName: 'contracts-prod',
      logRetention: logs.RetentionDays.THREE_MONTHS,
      removalPolicy: RemovalPolicy.DESTROY,
    };

    // WHEN
    const { template } = synthPipeline(props, stack);

    // THEN
    expect(normalizedTemplate(template)).toMatchSnapshot();
  });

  test('with existing resources and a replacement flow', () => {
    // GIVEN
    const stack = patternStack();
    const input = new InputNode(stack, 'Document');
    input.next(new OutputNode(stack, 'Echo'));

    // WHEN
    const { template } = synthPipeline({
      inputBucket: s3.Bucket.fromBucketName(stack, 'In', 'existing-contracts'),
      resultsBucket: s3.Bucket.fromBucketName(stack, 'Out', 'existing-results'),
      reviewQueue: sqs.Queue.fromQueueArn(stack, 'Review', 'arn:aws:sqs:us-east-1:111122223333:contract-review'),
      flowDefinition: FlowDefinition.fromChainable(input),
      reviewOutputNodeNames: ['Echo'],
      createDashboard: false,
    }, stack);

    // THEN
    expect(normalizedTemplate(template)).toMatchSnapshot();
  });
});
