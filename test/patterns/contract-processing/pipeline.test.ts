import { Duration, RemovalPolicy, Stack } from 'aws-cdk-lib';
import { Annotations, Match } from 'aws-cdk-lib/assertions';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import * as kms from 'aws-cdk-lib/aws-kms';
import * as logs from 'aws-cdk-lib/aws-logs';
import * as s3 from 'aws-cdk-lib/aws-s3';
import * as s3n from 'aws-cdk-lib/aws-s3-notifications';
import * as sns from 'aws-cdk-lib/aws-sns';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import { definitionOf, onlyResource, patternStack, statementsOfRole, synthPipeline } from './util';
import { FlowDefinition, FlowModel, InputNode, OutputNode } from '../../../src';
import { ContractProcessingPipeline } from '../../../src/patterns';

const HTTPS_ONLY = {
  Action: 'sqs:*',
  Condition: { Bool: { 'aws:SecureTransport': 'false' } },
  Effect: 'Deny',
  Principal: { AWS: '*' },
};

/** A minimal replacement flow: Input → Output. */
function customDefinition(stack: Stack, inputName = 'Contract') {
  const input = new InputNode(stack, inputName);
  input.next(new OutputNode(stack, 'Done'));
  return FlowDefinition.fromChainable(input);
}

describe('ContractProcessingPipeline security defaults', () => {
  test('creates encrypted, versioned, TLS-only buckets with public access blocked and access logs', () => {
    // WHEN
    const { template } = synthPipeline();

    // THEN
    template.resourceCountIs('AWS::S3::Bucket', 3);
    for (const [id, prefix] of [['PipelineInputBucket', 'input/'], ['PipelineResultsBucket', 'results/']]) {
      const [logicalId] = Object.keys(template.findResources('AWS::S3::Bucket', {})).filter(k => k.startsWith(id));
      template.hasResource('AWS::S3::Bucket', {
        Properties: {
          BucketEncryption: { ServerSideEncryptionConfiguration: [{ ServerSideEncryptionByDefault: { SSEAlgorithm: 'AES256' } }] },
          PublicAccessBlockConfiguration: { BlockPublicAcls: true, BlockPublicPolicy: true, IgnorePublicAcls: true, RestrictPublicBuckets: true },
          VersioningConfiguration: { Status: 'Enabled' },
          OwnershipControls: { Rules: [{ ObjectOwnership: 'BucketOwnerEnforced' }] },
          LoggingConfiguration: { DestinationBucketName: { Ref: Match.stringLikeRegexp('^PipelineAccessLogsBucket') }, LogFilePrefix: prefix },
          AccessControl: Match.absent(),
        },
        DeletionPolicy: 'Retain',
      });
      template.hasResourceProperties('AWS::S3::BucketPolicy', {
        Bucket: { Ref: logicalId },
        PolicyDocument: {
          Statement: Match.arrayWith([
            Match.objectLike({ Effect: 'Deny', Action: 's3:*', Condition: { Bool: { 'aws:SecureTransport': 'false' } } }),
            Match.objectLike({ Effect: 'Deny', Action: 's3:*', Condition: { NumericLessThan: { 's3:TlsVersion': 1.2 } } }),
          ]),
        },
      });
    }
  });

  test('lets the S3 logging service write the access logs through the log bucket\'s policy', () => {
    // WHEN
    const { template } = synthPipeline();

    // THEN
    template.hasResourceProperties('AWS::S3::BucketPolicy', {
      Bucket: { Ref: Match.stringLikeRegexp('^PipelineAccessLogsBucket') },
      PolicyDocument: {
        Statement: Match.arrayWith([
          Match.objectLike({ Effect: 'Deny', Condition: { Bool: { 'aws:SecureTransport': 'false' } } }),
          {
            Sid: 'AllowServerAccessLogsOfInputBucket',
            Effect: 'Allow',
            Principal: { Service: 'logging.s3.amazonaws.com' },
            Action: 's3:PutObject',
            Resource: { 'Fn::Join': ['', [{ 'Fn::GetAtt': [Match.stringLikeRegexp('^PipelineAccessLogsBucket'), 'Arn'] }, '/input/*']] },
            Condition: {
              ArnLike: { 'aws:SourceArn': { 'Fn::GetAtt': [Match.stringLikeRegexp('^PipelineInputBucket'), 'Arn'] } },
              StringEquals: { 'aws:SourceAccount': '111122223333' },
            },
          },
        ]),
      },
    });
  });

  test('turns on the input bucket\'s EventBridge notifications without a custom resource', () => {
    // WHEN
    const { template } = synthPipeline();

    // THEN
    template.hasResourceProperties('AWS::S3::Bucket', {
      NotificationConfiguration: { EventBridgeConfiguration: { EventBridgeEnabled: true } },
    });
    template.resourceCountIs('Custom::S3BucketNotifications', 0);
  });

  test('encrypts every queue, allows only TLS, and gives each queue a dead-letter queue', () => {
    // WHEN
    const { template } = synthPipeline();

    // THEN
    template.resourceCountIs('AWS::SQS::Queue', 3);
    template.allResourcesProperties('AWS::SQS::Queue', { SqsManagedSseEnabled: true, MessageRetentionPeriod: 1209600 });
    template.resourcePropertiesCountIs('AWS::SQS::QueuePolicy', {
      PolicyDocument: { Statement: Match.arrayWith([Match.objectLike(HTTPS_ONLY)]) },
    }, 3);
    template.hasResourceProperties('AWS::SQS::Queue', {
      VisibilityTimeout: 300,
      RedrivePolicy: { deadLetterTargetArn: { 'Fn::GetAtt': [Match.stringLikeRegexp('^PipelineReviewDeadLetterQueue'), 'Arn'] }, maxReceiveCount: 5 },
    });
    // failed events: the EventBridge target's DLQ and the invoker's on-failure destination
    const dlq = { 'Fn::GetAtt': [Match.stringLikeRegexp('^PipelineEventDeadLetterQueue'), 'Arn'] };
    template.hasResourceProperties('AWS::Events::Rule', {
      Targets: [Match.objectLike({ DeadLetterConfig: { Arn: dlq }, RetryPolicy: { MaximumRetryAttempts: 8, MaximumEventAgeInSeconds: 86400 } })],
    });
    template.hasResourceProperties('AWS::Lambda::EventInvokeConfig', {
      FunctionName: { Ref: Match.stringLikeRegexp('^PipelineInvokerFunction') },
      MaximumRetryAttempts: 2,
      MaximumEventAgeInSeconds: 21600,
      DestinationConfig: { OnFailure: { Destination: dlq } },
    });
    template.hasResourceProperties('AWS::SQS::QueuePolicy', {
      Queues: [{ Ref: Match.stringLikeRegexp('^PipelineEventDeadLetterQueue') }],
      PolicyDocument: {
        Statement: Match.arrayWith([Match.objectLike({
          Effect: 'Allow',
          Principal: { Service: 'events.amazonaws.com' },
          Action: 'sqs:SendMessage',
          Condition: { ArnEquals: { 'aws:SourceArn': { 'Fn::GetAtt': [Match.stringLikeRegexp('^PipelineObjectCreatedRule'), 'Arn'] } } },
        })]),
      },
    });
  });

  test('creates an encrypted idempotency table with point-in-time recovery and TTL', () => {
    // WHEN
    const { template } = synthPipeline();

    // THEN
    template.hasResource('AWS::DynamoDB::Table', {
      Properties: {
        KeySchema: [{ AttributeName: 'id', KeyType: 'HASH' }],
        AttributeDefinitions: [{ AttributeName: 'id', AttributeType: 'S' }],
        BillingMode: 'PAY_PER_REQUEST',
        SSESpecification: { SSEEnabled: true },
        PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true },
        TimeToLiveSpecification: { AttributeName: 'expiresAt', Enabled: true },
      },
      DeletionPolicy: 'Retain',
    });
  });

  test('gives every function its own log group with retention, and a role without managed policies', () => {
    // WHEN
    const { template } = synthPipeline();

    // THEN
    template.resourceCountIs('AWS::Lambda::Function', 4);
    template.resourceCountIs('AWS::Logs::LogGroup', 4);
    template.allResourcesProperties('AWS::Logs::LogGroup', { RetentionInDays: 365 });
    template.allResourcesProperties('AWS::Lambda::Function', {
      LoggingConfig: { LogGroup: { Ref: Match.anyValue() } },
      Runtime: 'nodejs24.x',
    });
    for (const role of Object.values(template.findResources('AWS::IAM::Role'))) {
      expect(role.Properties.ManagedPolicyArns).toBeUndefined();
    }
    for (const fn of Object.values(template.findResources('AWS::Lambda::Function'))) {
      const roleId = fn.Properties.Role['Fn::GetAtt'][0];
      const logGroupId = fn.Properties.LoggingConfig.LogGroup.Ref;
      expect(statementsOfRole(template, roleId)).toContainEqual({
        Action: ['logs:CreateLogStream', 'logs:PutLogEvents'],
        Effect: 'Allow',
        Resource: { 'Fn::GetAtt': [logGroupId, 'Arn'] },
      });
    }
  });

  test('reserves concurrency for the invoker, which waits up to 15 minutes for the flow', () => {
    // WHEN
    const { template } = synthPipeline();

    // THEN
    template.hasResourceProperties('AWS::Lambda::Function', {
      FunctionName: Match.absent(),
      Timeout: 900,
      ReservedConcurrentExecutions: 10,
      Environment: { Variables: Match.objectLike({ FLOW_IDENTIFIER: Match.anyValue() }) },
    });
    // the extract-text function must outlive Textract polling
    template.hasResourceProperties('AWS::Lambda::Function', {
      Timeout: 300,
      Environment: { Variables: Match.objectLike({ TEXTRACT_POLL_TIMEOUT_SECONDS: '240', MAX_TEXT_CHARS: '100000' }) },
    });
  });
});

describe('ContractProcessingPipeline trigger', () => {
  test('matches Object Created events of the input bucket with the .pdf suffix', () => {
    // WHEN
    const { template } = synthPipeline();

    // THEN
    template.hasResourceProperties('AWS::Events::Rule', {
      State: 'ENABLED',
      EventPattern: {
        'source': ['aws.s3'],
        'detail-type': ['Object Created'],
        'detail': {
          bucket: { name: [{ Ref: Match.stringLikeRegexp('^PipelineInputBucket') }] },
          object: { key: [{ suffix: '.pdf' }] },
        },
      },
      Targets: [Match.objectLike({ Arn: { 'Fn::GetAtt': [Match.stringLikeRegexp('^PipelineInvokerFunction'), 'Arn'] } })],
    });
    template.hasResourceProperties('AWS::Lambda::Permission', {
      Action: 'lambda:InvokeFunction',
      Principal: 'events.amazonaws.com',
      SourceArn: { 'Fn::GetAtt': [Match.stringLikeRegexp('^PipelineObjectCreatedRule'), 'Arn'] },
    });
  });

  test('matches several suffixes', () => {
    // WHEN
    const { template } = synthPipeline({ objectKeySuffixes: ['.pdf', '.PDF', '.tiff'] });

    // THEN
    template.hasResourceProperties('AWS::Events::Rule', {
      EventPattern: { detail: { object: { key: [{ suffix: '.pdf' }, { suffix: '.PDF' }, { suffix: '.tiff' }] } } },
    });
  });

  test('combines a prefix with the suffixes in wildcard patterns, escaping * and \\', () => {
    // WHEN
    const { template } = synthPipeline({ objectKeyPrefix: 'in*box\\', objectKeySuffixes: ['.pdf', '.PDF'] });

    // THEN
    template.hasResourceProperties('AWS::Events::Rule', {
      EventPattern: { detail: { object: { key: [{ wildcard: 'in\\*box\\\\*.pdf' }, { wildcard: 'in\\*box\\\\*.PDF' }] } } },
    });
  });

  test('filters by prefix only when no suffix is given (custom flow)', () => {
    // GIVEN
    const stack = patternStack();

    // WHEN
    const { template } = synthPipeline({ flowDefinition: customDefinition(stack), objectKeyPrefix: 'contracts/', objectKeySuffixes: [] }, stack);

    // THEN
    template.hasResourceProperties('AWS::Events::Rule', {
      EventPattern: { detail: { object: { key: [{ prefix: 'contracts/' }] } } },
    });
  });

  test('limits the extract-text function to the objects under the prefix', () => {
    // WHEN
    const { template } = synthPipeline({ objectKeyPrefix: 'contracts/' });

    // THEN
    expect(statementsOfRole(template, 'PipelineDefaultFlowExtractTextFunctionRole')).toContainEqual({
      Action: ['s3:GetObject', 's3:GetObjectVersion'],
      Effect: 'Allow',
      Resource: { 'Fn::Join': ['', [{ 'Fn::GetAtt': [expect.stringMatching('^PipelineInputBucket'), 'Arn'] }, '/contracts/*']] },
    });
  });
});

describe('ContractProcessingPipeline permissions', () => {
  test('lets the flow role invoke the node functions and models, and write results under the result prefix only', () => {
    // WHEN
    const { template } = synthPipeline();

    // THEN
    const statements = statementsOfRole(template, 'PipelineFlowRole');
    const fnArn = (name: string) => ({ 'Fn::GetAtt': [expect.stringMatching(`^PipelineDefaultFlow${name}Function`), 'Arn'] });
    // one statement per set of actions, with every resource it applies to
    expect(statements).toContainEqual({
      Action: 'lambda:InvokeFunction',
      Effect: 'Allow',
      Resource: ['ExtractText', 'ReviewQueue', 'Translate'].flatMap(name => [fnArn(name), { 'Fn::Join': ['', [fnArn(name), ':*']] }]),
    });
    expect(statements).toContainEqual({
      Action: 's3:PutObject',
      Effect: 'Allow',
      Resource: {
        'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, ':s3:::', { Ref: expect.stringMatching('^PipelineResultsBucket') }, '/results/*']],
      },
    });
    expect(statements).toContainEqual({
      Action: 'bedrock:InvokeModel',
      Effect: 'Allow',
      Resource: ['amazon.nova-lite-v1:0', 'amazon.nova-pro-v1:0'].flatMap(model => [
        { 'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, `:bedrock:us-east-1:111122223333:inference-profile/us.${model}`]] },
        { 'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, `:bedrock:*::foundation-model/${model}`]] },
      ]),
    });
    expect(statements).toHaveLength(3);
  });

  test('lets the extract-text function use Textract and read the input bucket', () => {
    // WHEN
    const { template } = synthPipeline();

    // THEN
    const statements = statementsOfRole(template, 'PipelineDefaultFlowExtractTextFunctionRole');
    expect(statements).toContainEqual({
      Action: ['textract:StartDocumentTextDetection', 'textract:GetDocumentTextDetection', 'textract:DetectDocumentText'],
      Effect: 'Allow',
      Resource: '*',
    });
    expect(statements).toContainEqual({
      Action: ['s3:GetObject', 's3:GetObjectVersion'],
      Effect: 'Allow',
      Resource: { 'Fn::Join': ['', [{ 'Fn::GetAtt': [expect.stringMatching('^PipelineInputBucket'), 'Arn'] }, '/*']] },
    });
    expect(statements).toHaveLength(3);
  });

  test('lets the translate function use Translate (and Comprehend for language detection) only', () => {
    // WHEN
    const { template } = synthPipeline();

    // THEN
    const statements = statementsOfRole(template, 'PipelineDefaultFlowTranslateFunctionRole');
    expect(statements).toContainEqual({ Action: ['translate:TranslateText', 'comprehend:DetectDominantLanguage'], Effect: 'Allow', Resource: '*' });
    expect(statements).toHaveLength(2);
  });

  test('lets the review function send messages to the review queue only', () => {
    // WHEN
    const { template } = synthPipeline();

    // THEN
    const statements = statementsOfRole(template, 'PipelineDefaultFlowReviewQueueFunctionRole');
    expect(statements).toContainEqual({
      Action: ['sqs:SendMessage', 'sqs:GetQueueAttributes', 'sqs:GetQueueUrl'],
      Effect: 'Allow',
      Resource: { 'Fn::GetAtt': [expect.stringMatching('^PipelineReviewQueue'), 'Arn'] },
    });
    expect(statements).toHaveLength(2);
    template.hasResourceProperties('AWS::Lambda::Function', {
      Environment: { Variables: Match.objectLike({ REVIEW_QUEUE_URL: { Ref: Match.stringLikeRegexp('^PipelineReviewQueue') } }) },
    });
  });

  test('lets the invoker use the idempotency table, invoke the alias and fill the dead-letter queue', () => {
    // WHEN
    const { template } = synthPipeline();

    // THEN
    const statements = statementsOfRole(template, 'PipelineInvokerFunctionRole');
    expect(statements).toContainEqual({
      Action: ['dynamodb:GetItem', 'dynamodb:PutItem', 'dynamodb:UpdateItem'],
      Effect: 'Allow',
      Resource: [{ 'Fn::GetAtt': [expect.stringMatching('^PipelineIdempotencyTable'), 'Arn'] }],
    });
    expect(statements).toContainEqual({
      Action: 'bedrock:InvokeFlow',
      Effect: 'Allow',
      Resource: { 'Fn::GetAtt': [expect.stringMatching('^PipelineFlowAliaslive'), 'Arn'] },
    });
    expect(statements).toContainEqual({
      Action: ['sqs:SendMessage', 'sqs:GetQueueAttributes', 'sqs:GetQueueUrl'],
      Effect: 'Allow',
      Resource: { 'Fn::GetAtt': [expect.stringMatching('^PipelineEventDeadLetterQueue'), 'Arn'] },
    });
    expect(statements).toHaveLength(4);
  });

  test('configures the invoker for the flow, its alias and the metrics', () => {
    // WHEN
    const { template, pipeline, stack } = synthPipeline({ idempotencyTtl: Duration.days(2), pipelineName: 'contracts' });

    // THEN
    expect(pipeline.pipelineName).toBe('contracts');
    template.hasResourceProperties('AWS::Lambda::Function', {
      Environment: {
        Variables: {
          FLOW_IDENTIFIER: stack.resolve(pipeline.flow.flowId),
          FLOW_ALIAS_IDENTIFIER: stack.resolve(pipeline.alias.flowAliasId),
          INPUT_NODE_NAME: 'FlowInput',
          IDEMPOTENCY_TABLE_NAME: { Ref: Match.stringLikeRegexp('^PipelineIdempotencyTable') },
          IDEMPOTENCY_TTL_SECONDS: '172800',
          RESULT_KEY_PREFIX: 'results/',
          REVIEW_OUTPUT_NODE_NAMES: 'EnglishReview,TranslatedReview',
          METRICS_NAMESPACE: 'ContractProcessing',
          PIPELINE_NAME: 'contracts',
          AWS_NODEJS_CONNECTION_REUSE_ENABLED: '1',
        },
      },
    });
    template.hasResourceProperties('AWS::Bedrock::FlowAlias', { Name: 'live' });
  });
});

describe('ContractProcessingPipeline alarm and metrics', () => {
  test('alarms when more than 5% of invocations fail in 2 periods of 5 minutes', () => {
    // WHEN
    const { template } = synthPipeline({ pipelineName: 'contracts' });

    // THEN
    const metric = (name: string) => ({
      Id: name.toLowerCase(),
      Label: name,
      MetricStat: {
        Metric: { Namespace: 'ContractProcessing', MetricName: name, Dimensions: [{ Name: 'Pipeline', Value: 'contracts' }] },
        Period: 300,
        Stat: 'Sum',
      },
      ReturnData: false,
    });
    template.hasResourceProperties('AWS::CloudWatch::Alarm', {
      ComparisonOperator: 'GreaterThanThreshold',
      Threshold: 5,
      EvaluationPeriods: 2,
      TreatMissingData: 'notBreaching',
      Metrics: [
        { Id: 'expr_1', Expression: '100 * errors / invocations', Label: 'Error rate (%)', ReturnData: true },
        metric('Errors'),
        metric('Invocations'),
      ],
      AlarmActions: Match.absent(),
    });
  });

  test('alarms on failed events in the dead-letter queue', () => {
    // WHEN
    const { template } = synthPipeline();

    // THEN
    template.hasResourceProperties('AWS::CloudWatch::Alarm', {
      ComparisonOperator: 'GreaterThanThreshold',
      Threshold: 0,
      EvaluationPeriods: 1,
      TreatMissingData: 'notBreaching',
      Metrics: [Match.objectLike({
        MetricStat: {
          Metric: {
            Namespace: 'AWS/SQS',
            MetricName: 'ApproximateNumberOfMessagesVisible',
            Dimensions: [{ Name: 'QueueName', Value: { 'Fn::GetAtt': [Match.stringLikeRegexp('^PipelineEventDeadLetterQueue'), 'QueueName'] } }],
          },
          Period: 300,
          Stat: 'Maximum',
        },
      })],
    });
  });

  test('takes the threshold, periods and an SNS topic', () => {
    // GIVEN
    const stack = patternStack();
    const topic = new sns.Topic(stack, 'Alerts', { enforceSSL: true });

    // WHEN
    const { template } = synthPipeline({
      errorRateThreshold: 10, errorRateEvaluationPeriods: 3, errorRatePeriod: Duration.minutes(1), alarmTopic: topic,
    }, stack);

    // THEN
    template.hasResourceProperties('AWS::CloudWatch::Alarm', {
      Threshold: 10,
      EvaluationPeriods: 3,
      Metrics: Match.arrayWith([Match.objectLike({ Id: 'errors', MetricStat: Match.objectLike({ Period: 60 }) })]),
      AlarmActions: [{ Ref: Match.stringLikeRegexp('^Alerts') }],
    });
    template.resourcePropertiesCountIs('AWS::CloudWatch::Alarm', { AlarmActions: [{ Ref: Match.stringLikeRegexp('^Alerts') }] }, 2);
  });

  test('metric methods use the namespace, the Pipeline dimension and documented statistics', () => {
    // GIVEN
    const { pipeline } = synthPipeline({ pipelineName: 'contracts', metricsNamespace: 'Legal' });

    // THEN
    for (const [metric, name, statistic] of [
      [pipeline.metricInvocations(), 'Invocations', 'Sum'],
      [pipeline.metricErrors(), 'Errors', 'Sum'],
      [pipeline.metricRoutedToReview(), 'RoutedToReview', 'Sum'],
      [pipeline.metricDuplicates(), 'Duplicates', 'Sum'],
      [pipeline.metricLatency(), 'Latency', 'p90'],
    ] as [cloudwatch.Metric, string, string][]) {
      expect(metric.namespace).toBe('Legal');
      expect(metric.metricName).toBe(name);
      expect(metric.dimensions).toEqual({ Pipeline: 'contracts' });
      expect(metric.statistic).toBe(statistic);
      expect(metric.period.toMinutes()).toBe(5);
    }
    const depth = pipeline.metricReviewQueueDepth();
    expect(depth.namespace).toBe('AWS/SQS');
    expect(depth.metricName).toBe('ApproximateNumberOfMessagesVisible');
    expect(depth.statistic).toBe('Maximum');
    expect(pipeline.metricDeadLetterQueueDepth().metricName).toBe('ApproximateNumberOfMessagesVisible');
  });

  test('metric methods take MetricOptions', () => {
    // GIVEN
    const { pipeline } = synthPipeline();

    // WHEN
    const latency = pipeline.metricLatency({ statistic: 'Average', period: Duration.minutes(1), label: 'avg' });
    const rate = pipeline.metricErrorRate({ period: Duration.hours(1), label: 'hourly' });
    const depth = pipeline.metricReviewQueueDepth({ period: Duration.minutes(15) });

    // THEN
    expect(latency.statistic).toBe('Average');
    expect(latency.period.toMinutes()).toBe(1);
    expect(latency.label).toBe('avg');
    expect(rate.expression).toBe('100 * errors / invocations');
    expect(rate.period.toHours()).toBe(1);
    expect(rate.label).toBe('hourly');
    expect((rate.usingMetrics.errors as cloudwatch.Metric).period.toHours()).toBe(1);
    expect(depth.period.toMinutes()).toBe(15);
  });

  test('creates a dashboard with the pipeline\'s metrics', () => {
    // WHEN
    const { template, pipeline } = synthPipeline({ dashboardName: 'contracts' });

    // THEN
    expect(pipeline.dashboard).toBeDefined();
    const body = JSON.stringify(onlyResource(template, 'AWS::CloudWatch::Dashboard').properties.DashboardBody);
    expect(onlyResource(template, 'AWS::CloudWatch::Dashboard').properties.DashboardName).toBe('contracts');
    for (const text of ['Invocations', 'Errors', 'RoutedToReview', 'Latency', 'ApproximateNumberOfMessagesVisible', 'Throttles']) {
      expect(body).toContain(text);
    }
  });

  test('creates no dashboard when disabled', () => {
    // WHEN
    const { template, pipeline } = synthPipeline({ createDashboard: false });

    // THEN
    template.resourceCountIs('AWS::CloudWatch::Dashboard', 0);
    expect(pipeline.dashboard).toBeUndefined();
  });

  test('describes the flow', () => {
    // WHEN
    const { template } = synthPipeline();

    // THEN
    expect(onlyResource(template, 'AWS::Bedrock::Flow').properties.Description).toMatch(/^Contract processing/);
  });
});

describe('ContractProcessingPipeline with existing resources', () => {
  test('uses an existing bucket of this app and turns on its EventBridge notifications', () => {
    // GIVEN
    const stack = patternStack();
    const inputBucket = new s3.Bucket(stack, 'Contracts');

    // WHEN
    const { template, pipeline } = synthPipeline({ inputBucket }, stack);

    // THEN
    expect(pipeline.inputBucket).toBe(inputBucket);
    template.resourceCountIs('AWS::S3::Bucket', 3); // Contracts, results, access logs
    template.hasResourceProperties('AWS::S3::Bucket', {
      NotificationConfiguration: { EventBridgeConfiguration: { EventBridgeEnabled: true } },
    });
    template.hasResourceProperties('AWS::Events::Rule', {
      EventPattern: { detail: { bucket: { name: [{ Ref: Match.stringLikeRegexp('^Contracts') }] } } },
    });
  });

  test('keeps EventBridge on when the bucket also has CDK-managed notifications', () => {
    // GIVEN
    const stack = patternStack();
    const inputBucket = new s3.Bucket(stack, 'Contracts');
    inputBucket.addObjectCreatedNotification(new s3n.SqsDestination(new sqs.Queue(stack, 'Audit', { enforceSSL: true })));

    // WHEN
    const { template } = synthPipeline({ inputBucket }, stack);

    // THEN
    template.hasResourceProperties('Custom::S3BucketNotifications', {
      NotificationConfiguration: { EventBridgeConfiguration: {}, QueueConfigurations: Match.anyValue() },
    });
  });

  test('leaves an imported bucket alone, and decrypts with its key', () => {
    // GIVEN
    const stack = patternStack();
    const inputBucket = s3.Bucket.fromBucketAttributes(stack, 'Imported', {
      bucketName: 'existing-contracts',
      encryptionKey: new kms.Key(stack, 'Key', { enableKeyRotation: true }),
    });

    // WHEN
    const { template } = synthPipeline({ inputBucket }, stack);

    // THEN
    template.resourcePropertiesCountIs('AWS::S3::Bucket', { NotificationConfiguration: Match.anyValue() }, 0);
    template.hasResourceProperties('AWS::Events::Rule', { EventPattern: { detail: { bucket: { name: ['existing-contracts'] } } } });
    expect(statementsOfRole(template, 'PipelineDefaultFlowExtractTextFunctionRole')).toContainEqual(expect.objectContaining({
      Action: 'kms:Decrypt',
      Resource: { 'Fn::GetAtt': [expect.stringMatching('^Key'), 'Arn'] },
    }));
  });

  test('uses an existing results bucket, review queue and log bucket', () => {
    // GIVEN
    const stack = patternStack();
    const resultsBucket = s3.Bucket.fromBucketName(stack, 'Results', 'existing-results');
    const reviewQueue = sqs.Queue.fromQueueArn(stack, 'Review', 'arn:aws:sqs:us-east-1:111122223333:review');
    const serverAccessLogsBucket = new s3.Bucket(stack, 'Logs', { enforceSSL: true });

    // WHEN
    const { template, pipeline } = synthPipeline({ resultsBucket, reviewQueue, serverAccessLogsBucket }, stack);

    // THEN
    expect(pipeline.reviewQueue).toBe(reviewQueue);
    expect(pipeline.reviewDeadLetterQueue).toBeUndefined();
    expect(pipeline.serverAccessLogsBucket).toBe(serverAccessLogsBucket);
    template.resourceCountIs('AWS::SQS::Queue', 1); // the event dead-letter queue
    template.resourceCountIs('AWS::S3::Bucket', 2); // the input bucket and Logs
    template.hasResourceProperties('AWS::S3::Bucket', {
      LoggingConfiguration: { DestinationBucketName: { Ref: Match.stringLikeRegexp('^Logs') }, LogFilePrefix: 'input/' },
    });
    expect(statementsOfRole(template, 'PipelineFlowRole')).toContainEqual(expect.objectContaining({
      Action: 's3:PutObject',
      Resource: { 'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, ':s3:::existing-results/results/*']] },
    }));
  });

  test('creates no log bucket when it creates no bucket', () => {
    // GIVEN
    const stack = patternStack();

    // WHEN
    const { template, pipeline } = synthPipeline({
      inputBucket: s3.Bucket.fromBucketName(stack, 'In', 'existing-in'),
      resultsBucket: s3.Bucket.fromBucketName(stack, 'Out', 'existing-out'),
    }, stack);

    // THEN
    template.resourceCountIs('AWS::S3::Bucket', 0);
    expect(pipeline.serverAccessLogsBucket).toBeUndefined();
  });
});

describe('ContractProcessingPipeline with a replacement flow', () => {
  test('deploys the given flow without the default flow\'s functions', () => {
    // GIVEN
    const stack = patternStack();
    const flowDefinition = customDefinition(stack);

    // WHEN
    const { template, pipeline } = synthPipeline({ flowDefinition, reviewOutputNodeNames: ['Done'] }, stack);

    // THEN
    expect(pipeline.defaultFlow).toBeUndefined();
    expect(definitionOf(pipeline).nodes!.map(n => n.name)).toEqual(['Contract', 'Done']);
    template.resourceCountIs('AWS::Lambda::Function', 1);
    template.hasResourceProperties('AWS::Lambda::Function', {
      Environment: { Variables: Match.objectLike({ INPUT_NODE_NAME: 'Contract', REVIEW_OUTPUT_NODE_NAMES: 'Done' }) },
    });
  });

  test('takes the Input node name from the definition, or from inputNodeName', () => {
    // GIVEN
    const stack = patternStack();

    // WHEN
    const { template } = synthPipeline({ flowDefinition: customDefinition(stack), inputNodeName: 'Other' }, stack);

    // THEN
    template.hasResourceProperties('AWS::Lambda::Function', {
      Environment: { Variables: Match.objectLike({ INPUT_NODE_NAME: 'Other', REVIEW_OUTPUT_NODE_NAMES: '' }) },
    });
  });

  test('accepts any key suffix', () => {
    // GIVEN
    const stack = patternStack();

    // WHEN
    const { template } = synthPipeline({ flowDefinition: customDefinition(stack), objectKeySuffixes: ['.docx'] }, stack);

    // THEN
    template.hasResourceProperties('AWS::Events::Rule', { EventPattern: { detail: { object: { key: [{ suffix: '.docx' }] } } } });
  });

  test('fails when a property of the default flow is given too', () => {
    // GIVEN
    const stack = patternStack();

    // THEN
    expect(() => new ContractProcessingPipeline(stack, 'Pipeline', {
      flowDefinition: customDefinition(stack),
      analysisModel: FlowModel.crossRegion('us.amazon.nova-pro-v1:0'),
      qualityThreshold: 8,
    })).toThrow(/analysisModel, qualityThreshold configure the default flow, which flowDefinition replaces/);
  });
});

describe('ContractProcessingPipeline customisation', () => {
  test('applies the removal policy and log retention', () => {
    // WHEN
    const { template } = synthPipeline({ removalPolicy: RemovalPolicy.DESTROY, logRetention: logs.RetentionDays.ONE_MONTH });

    // THEN
    template.allResources('AWS::S3::Bucket', { DeletionPolicy: 'Delete' });
    template.allResources('AWS::DynamoDB::Table', { DeletionPolicy: 'Delete' });
    template.allResources('AWS::Logs::LogGroup', { DeletionPolicy: 'Delete' });
    template.allResourcesProperties('AWS::Logs::LogGroup', { RetentionInDays: 30 });
  });

  test('names the flow and the alias, and sets the invoker concurrency', () => {
    // WHEN
    const { template } = synthPipeline({ flowName: 'contract-flow', aliasName: 'prod', invokerReservedConcurrency: 3 });

    // THEN
    template.hasResourceProperties('AWS::Bedrock::Flow', { Name: 'contract-flow' });
    template.hasResourceProperties('AWS::Bedrock::FlowAlias', { Name: 'prod' });
    template.hasResourceProperties('AWS::Lambda::Function', { ReservedConcurrentExecutions: 3 });
  });

  test('warns only about the flow\'s connection count', () => {
    // WHEN
    const { stack } = synthPipeline();

    // THEN
    const warnings = Annotations.fromStack(stack).findWarning('*', Match.anyValue());
    expect(warnings.map(w => [w.id, String(w.entry.data).replace(/ \[ack: .*\]$/, '')])).toEqual([
      ['/ContractStack/Pipeline/Flow', expect.stringMatching(/^LimitExceeded: the flow has 36 connections/)],
    ]);
    Annotations.fromStack(stack).hasNoError('*', Match.anyValue());
  });

  describe('fails', () => {
    test.each([
      [{ objectKeyPrefix: '' }, /objectKeyPrefix must not be empty/],
      [{ objectKeySuffixes: [''] }, /objectKeySuffixes must not contain an empty string/],
      [{ objectKeySuffixes: ['.docx'] }, /'.docx' does not end with a file type the default flow reads/],
      [{ invokerReservedConcurrency: 0 }, /invokerReservedConcurrency must be a whole number of at least 1/],
      [{ errorRateThreshold: 100 }, /errorRateThreshold is a percentage/],
      [{ qualityThreshold: 12 }, /qualityThreshold must be between 1 and 10/],
    ])('with %j', (props, message) => {
      expect(() => new ContractProcessingPipeline(patternStack(), 'Pipeline', props)).toThrow(message);
    });
  });
});
