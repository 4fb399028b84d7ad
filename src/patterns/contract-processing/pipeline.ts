import { Aspects, Duration, IAspect, Lazy, Names, RemovalPolicy, Stack, Token } from 'aws-cdk-lib';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import * as cw_actions from 'aws-cdk-lib/aws-cloudwatch-actions';
import * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as events from 'aws-cdk-lib/aws-events';
import * as targets from 'aws-cdk-lib/aws-events-targets';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as destinations from 'aws-cdk-lib/aws-lambda-destinations';
import * as logs from 'aws-cdk-lib/aws-logs';
import * as s3 from 'aws-cdk-lib/aws-s3';
import * as sns from 'aws-cdk-lib/aws-sns';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import { Construct, IConstruct } from 'constructs';
import { ContractProcessingFlow, ContractProcessingFlowOptions } from './default-flow';
import { InvokerFunction } from './invoker-function';
import { createPatternFunction } from './private/function';
import { NagSuppression, suppressNag } from './private/nag';
import { FlowDefinition } from '../../definition/flow-definition';
import { Flow } from '../../flow';
import { FlowAlias } from '../../flow-alias';

/******************************************************************************
 *                                   PROPS
 *****************************************************************************/

/**
 * Properties of a ContractProcessingPipeline. The flow options (models, prompts, quality threshold,
 * text limit) apply to the default flow, and are ignored with `flowDefinition`.
 */
export interface ContractProcessingPipelineProps extends ContractProcessingFlowOptions {
  // ----------------------------------------------------------------- input

  /**
   * An existing bucket to take the contracts from, instead of a new one.
   *
   * The pipeline reacts to S3's EventBridge events, so the bucket must send them. For a `Bucket`
   * defined in this CDK app the pipeline turns them on. For an imported bucket
   * (`Bucket.fromBucketName`, ...) turn them on yourself (the bucket's properties, "Amazon
   * EventBridge: On", or `aws s3api put-bucket-notification-configuration` with
   * `{"EventBridgeConfiguration": {}}`). If the bucket uses SSE-KMS, grant the key to
   * `defaultFlow.extractTextFunction` (automatic when the `IBucket` has its `encryptionKey`).
   * @default - a new bucket: SSE-S3, TLS 1.2+ only, public access blocked, versioned, server access
   * logs, EventBridge notifications on
   */
  readonly inputBucket?: s3.IBucket;

  /**
   * Process only the objects whose key starts with this prefix (for example `incoming/`).
   * @default - objects with any key
   */
  readonly objectKeyPrefix?: string;

  /**
   * Process only the objects whose key ends with one of these suffixes (case-sensitive, so add
   * `.PDF` to take upper-case extensions too). With the default flow, each suffix must end with a
   * file type Amazon Textract reads: `.pdf`, `.tif`, `.tiff`, `.png`, `.jpg` or `.jpeg`. An empty
   * list means any suffix.
   * @default ['.pdf']
   */
  readonly objectKeySuffixes?: string[];

  // ----------------------------------------------------------------- outputs

  /**
   * An existing bucket for the analyses, instead of a new one.
   * @default - a new bucket: SSE-S3, TLS 1.2+ only, public access blocked, versioned, server access logs
   */
  readonly resultsBucket?: s3.IBucket;

  /**
   * The key prefix of result objects: the analysis of `<key>` is written to `<prefix><key>.analysis.md`.
   * @default 'results/'
   */
  readonly resultKeyPrefix?: string;

  /**
   * An existing queue for documents that need manual review, instead of a new one.
   * @default - a new queue with SQS-managed encryption, TLS only, 14 days retention and a
   * dead-letter queue (after 5 receives)
   */
  readonly reviewQueue?: sqs.IQueue;

  /**
   * An existing bucket for the S3 server access logs of the buckets the pipeline creates (under the
   * prefixes `input/` and `results/`). The pipeline allows the S3 logging service to write them in the
   * bucket's policy; for an imported bucket, add that statement yourself
   * (`logging.s3.amazonaws.com`, `s3:PutObject`).
   * @default - a new bucket, if the pipeline creates a bucket
   */
  readonly serverAccessLogsBucket?: s3.IBucket;

  // ----------------------------------------------------------------- the flow

  /**
   * A flow that replaces the default one. Its Input node receives the Object
   * `{ bucket, key, versionId?, etag?, size?, resultKey }` for each new document; `resultsBucket`,
   * `reviewQueue` and the model and prompt properties are not used by it (build them into your
   * flow, for example with the same existing bucket and queue given to the pipeline).
   * @default - the default flow (`ContractProcessingFlow`)
   */
  readonly flowDefinition?: FlowDefinition;

  /**
   * The name of the Input node of `flowDefinition`.
   * @default - the name of the definition's Input node
   */
  readonly inputNodeName?: string;

  /**
   * The Output nodes of `flowDefinition` that mean "sent to manual review" (they count in the
   * `RoutedToReview` metric).
   * @default - the review outputs of the default flow; none for `flowDefinition`
   */
  readonly reviewOutputNodeNames?: string[];


  /**
   * The flow's name.
   * @default - a unique name is generated
   */
  readonly flowName?: string;

  /**
   * The name of the flow alias the pipeline invokes.
   * @default 'live'
   */
  readonly aliasName?: string;

  // ----------------------------------------------------------------- the invoker

  /**
   * The reserved concurrency of the invoker function: how many documents are processed at the same
   * time. It protects the Amazon Textract and Amazon Bedrock quotas of the account; further events
   * wait in Lambda's event queue. The account's unreserved concurrency must stay at 100 or more
   * (request a higher Lambda concurrency quota on new accounts).
   * @default 10
   */
  readonly invokerReservedConcurrency?: number;

  /**
   * How long a processed object version is remembered, so that a repeated event for it is skipped.
   * @default Duration.days(7)
   */
  readonly idempotencyTtl?: Duration;

  // ----------------------------------------------------------------- observability

  /**
   * The value of the `Pipeline` dimension of the pipeline's metrics.
   * @default - a name unique in the app, from the construct path
   */
  readonly pipelineName?: string;

  /**
   * The CloudWatch namespace of the pipeline's metrics.
   * @default 'ContractProcessing'
   */
  readonly metricsNamespace?: string;

  /**
   * The error rate, in percent of invocations, above which the alarm goes off.
   * @default 5
   */
  readonly errorRateThreshold?: number;

  /**
   * The number of consecutive periods the error rate must be above the threshold.
   * @default 2
   */
  readonly errorRateEvaluationPeriods?: number;

  /**
   * The period over which the error rate is computed.
   * @default Duration.minutes(5)
   */
  readonly errorRatePeriod?: Duration;

  /**
   * An SNS topic notified when an alarm of the pipeline goes off (error rate, failed events).
   * @default - no notification
   */
  readonly alarmTopic?: sns.ITopic;

  /**
   * Whether to create a CloudWatch dashboard.
   * @default true
   */
  readonly createDashboard?: boolean;

  /**
   * The dashboard's name.
   * @default - a name is generated
   */
  readonly dashboardName?: string;

  // ----------------------------------------------------------------- operations

  /**
   * How long the functions' log groups keep events.
   * @default logs.RetentionDays.ONE_YEAR
   */
  readonly logRetention?: logs.RetentionDays;

  /**
   * What happens to the buckets, the idempotency table and the log groups the pipeline creates when
   * they leave the stack. Buckets that still hold objects cannot be destroyed by CloudFormation.
   * @default RemovalPolicy.RETAIN
   */
  readonly removalPolicy?: RemovalPolicy;
}

/******************************************************************************
 *                                 CONSTRUCT
 *****************************************************************************/

/**
 * A contract-processing pipeline on Amazon Bedrock Flows.
 *
 * A contract uploaded to the input bucket emits an S3 `Object Created` event; an EventBridge rule
 * (key prefix and suffix filters) sends it to the invoker function, which invokes the flow alias once
 * per object version (idempotency table) and emits metrics. The default flow extracts the text
 * (Amazon Textract), classifies the contract, translates it to English when needed (Amazon
 * Translate), analyzes it, scores the analysis, and writes it to the results bucket, or sends the
 * document to the review queue when the score is below the threshold.
 *
 * Secure by default: encrypted buckets, queues and table, TLS-only access, public access blocked,
 * dead-letter queues, retries, one least-privilege role per function, log retention, an error-rate
 * alarm and a dashboard.
 */
export class ContractProcessingPipeline extends Construct {
  /** The bucket contracts are uploaded to. */
  public readonly inputBucket: s3.IBucket;
  /** The bucket the analyses are written to. */
  public readonly resultsBucket: s3.IBucket;
  /** The bucket of the server access logs of the buckets the pipeline created, if it created any. */
  public readonly serverAccessLogsBucket?: s3.IBucket;
  /** The queue of documents that need manual review. */
  public readonly reviewQueue: sqs.IQueue;
  /** The dead-letter queue of the review queue (only when the pipeline created the review queue). */
  public readonly reviewDeadLetterQueue?: sqs.IQueue;
  /** The dead-letter queue of events the invoker could not process after its retries. */
  public readonly eventDeadLetterQueue: sqs.IQueue;
  /** The table that records processed object versions. */
  public readonly idempotencyTable: dynamodb.ITable;
  /** The flow. */
  public readonly flow: Flow;
  /** The alias the invoker invokes. */
  public readonly alias: FlowAlias;
  /** The default flow and its functions (only when no `flowDefinition` was given). */
  public readonly defaultFlow?: ContractProcessingFlow;
  /** The function that invokes the flow for each new document. */
  public readonly invoker: lambda.IFunction;
  /** The EventBridge rule that sends the bucket's `Object Created` events to the invoker. */
  public readonly rule: events.Rule;
  /** The alarm on the error rate of the invoker. */
  public readonly alarm: cloudwatch.Alarm;
  /** The alarm on events in the event dead-letter queue. */
  public readonly deadLetterAlarm: cloudwatch.Alarm;
  /** The dashboard (unless `createDashboard` is false). */
  public readonly dashboard?: cloudwatch.Dashboard;
  /** The value of the `Pipeline` dimension of the metrics. */
  public readonly pipelineName: string;
  /** The CloudWatch namespace of the metrics. */
  public readonly metricsNamespace: string;

  constructor(scope: Construct, id: string, props: ContractProcessingPipelineProps = {}) {
    super(scope, id);
    const removalPolicy = props.removalPolicy ?? RemovalPolicy.RETAIN;
    const logRetention = props.logRetention ?? logs.RetentionDays.ONE_YEAR;
    const resultKeyPrefix = props.resultKeyPrefix ?? 'results/';
    const suffixes = props.objectKeySuffixes ?? ['.pdf'];
    const reservedConcurrency = props.invokerReservedConcurrency ?? 10;
    this.checkProps(props, suffixes, reservedConcurrency);
    this.pipelineName = props.pipelineName ?? Names.uniqueResourceName(this, { maxLength: 64, separator: '-' });
    this.metricsNamespace = props.metricsNamespace ?? 'ContractProcessing';

    // ---------------------------------------------------------------- storage
    const needsLogsBucket = !props.serverAccessLogsBucket && (!props.inputBucket || !props.resultsBucket);
    this.serverAccessLogsBucket = props.serverAccessLogsBucket ?? (needsLogsBucket ? this.createAccessLogsBucket(removalPolicy) : undefined);
    this.inputBucket = props.inputBucket ?? this.createBucket('InputBucket', 'input/', removalPolicy);
    this.resultsBucket = props.resultsBucket ?? this.createBucket('ResultsBucket', 'results/', removalPolicy);
    if (this.inputBucket instanceof s3.Bucket) enableEventBridgeNotifications(this.inputBucket);

    const queueDefaults: sqs.QueueProps = {
      encryption: sqs.QueueEncryption.SQS_MANAGED,
      enforceSSL: true,
      retentionPeriod: Duration.days(14),
    };
    this.eventDeadLetterQueue = new sqs.Queue(this, 'EventDeadLetterQueue', queueDefaults);
    suppressNag(this.eventDeadLetterQueue, [{
      id: 'AwsSolutions-SQS3',
      reason: 'This queue is the dead-letter queue of the EventBridge target and of the invoker function\'s asynchronous invocations; '
        + 'it has no dead-letter queue of its own.',
    }]);
    if (props.reviewQueue) {
      this.reviewQueue = props.reviewQueue;
    } else {
      const reviewDeadLetterQueue = new sqs.Queue(this, 'ReviewDeadLetterQueue', queueDefaults);
      this.reviewQueue = new sqs.Queue(this, 'ReviewQueue', {
        ...queueDefaults,
        visibilityTimeout: Duration.minutes(5),
        deadLetterQueue: { queue: reviewDeadLetterQueue, maxReceiveCount: 5 },
      });
      this.reviewDeadLetterQueue = reviewDeadLetterQueue;
    }

    this.idempotencyTable = new dynamodb.Table(this, 'IdempotencyTable', {
      partitionKey: { name: 'id', type: dynamodb.AttributeType.STRING },
      billingMode: dynamodb.BillingMode.PAY_PER_REQUEST,
      encryption: dynamodb.TableEncryption.AWS_MANAGED,
      pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true },
      timeToLiveAttribute: 'expiresAt',
      removalPolicy,
    });

    // ---------------------------------------------------------------- flow
    let definition: FlowDefinition;
    let reviewOutputNodeNames = props.reviewOutputNodeNames ?? [];
    let inputNodeName: string;
    if (props.flowDefinition) {
      definition = props.flowDefinition;
      inputNodeName = props.inputNodeName ?? Lazy.string({ produce: () => inputNodeOf(definition) });
    } else {
      this.defaultFlow = new ContractProcessingFlow(this, 'DefaultFlow', {
        documentBucket: this.inputBucket,
        documentKeyPrefix: props.objectKeyPrefix,
        resultsBucket: this.resultsBucket,
        resultKeyPrefix,
        reviewQueue: this.reviewQueue,
        classificationModel: props.classificationModel,
        analysisModel: props.analysisModel,
        qualityModel: props.qualityModel,
        classificationPrompt: props.classificationPrompt,
        analysisPrompt: props.analysisPrompt,
        qualityPrompt: props.qualityPrompt,
        qualityThreshold: props.qualityThreshold,
        maxTextCharacters: props.maxTextCharacters,
        logRetention,
        logRemovalPolicy: removalPolicy,
      });
      definition = this.defaultFlow.definition;
      inputNodeName = props.inputNodeName ?? this.defaultFlow.inputNodeName;
      reviewOutputNodeNames = props.reviewOutputNodeNames ?? this.defaultFlow.reviewOutputNodeNames;
    }
    this.flow = new Flow(this, 'Flow', {
      definition,
      flowName: props.flowName,
      description: this.defaultFlow
        ? 'Contract processing: extracts, classifies, translates, analyzes and quality-checks uploaded contracts'
        : 'Contract processing: runs for each contract uploaded to the pipeline\'s input bucket',
    });
    this.alias = this.flow.addAlias(props.aliasName ?? 'live', {
      description: 'The alias the contract-processing pipeline invokes',
    });
    if (this.defaultFlow) {
      // the flow adds its role's statements at synth, from the definition: explain them once they exist
      suppressNagLater(this.flow, this.flow.role, [
        {
          id: 'AwsSolutions-IAM5',
          reason: 'A cross-Region inference profile routes each request to the foundation model in any Region of its geography, '
            + 'so the flow role must invoke the model in every Region (foundation-model ARNs with a wildcard Region).',
          appliesTo: [{ regex: '/^Resource::arn:<AWS::Partition>:bedrock:\\*::foundation-model\\/.+$/' }],
        },
        {
          id: 'AwsSolutions-IAM5',
          reason: 'The LambdaFunction nodes of the flow may invoke the versions and aliases of the pipeline\'s own node functions '
            + '(function ARN followed by :*).',
          appliesTo: [{ regex: '/^Resource::<.+\\.Arn>:\\*$/' }],
        },
        {
          id: 'AwsSolutions-IAM5',
          reason: 'The Storage nodes write one result object per contract under the results key prefix; the keys are derived from '
            + 'the uploaded object keys, so only the prefix is known (s3:PutObject only).',
          appliesTo: [{ regex: '/^Resource::arn:<AWS::Partition>:s3:::.+\\*$/' }],
        },
      ]);
    }

    // ---------------------------------------------------------------- invoker
    const invoker = createPatternFunction(this, 'InvokerFunction', InvokerFunction, {
      logRetention,
      logRemovalPolicy: removalPolicy,
      description: 'Contract processing: invokes the Bedrock flow for each new contract in the input bucket',
      // the invoker waits for the whole flow: text extraction, model calls, translation
      timeout: Duration.minutes(15),
      memorySize: 512,
      reservedConcurrentExecutions: reservedConcurrency,
      // asynchronous invocation (EventBridge): two retries, then the event goes to the dead-letter queue
      retryAttempts: 2,
      maxEventAge: Duration.hours(6),
      onFailure: new destinations.SqsDestination(this.eventDeadLetterQueue),
      environment: {
        FLOW_IDENTIFIER: this.flow.flowId,
        FLOW_ALIAS_IDENTIFIER: this.alias.flowAliasId,
        INPUT_NODE_NAME: inputNodeName,
        IDEMPOTENCY_TABLE_NAME: this.idempotencyTable.tableName,
        IDEMPOTENCY_TTL_SECONDS: String((props.idempotencyTtl ?? Duration.days(7)).toSeconds()),
        RESULT_KEY_PREFIX: resultKeyPrefix,
        REVIEW_OUTPUT_NODE_NAMES: reviewOutputNodeNames.join(','),
        METRICS_NAMESPACE: this.metricsNamespace,
        PIPELINE_NAME: this.pipelineName,
      },
    });
    this.idempotencyTable.grant(invoker, 'dynamodb:GetItem', 'dynamodb:PutItem', 'dynamodb:UpdateItem');
    this.alias.grantInvoke(invoker);
    this.invoker = invoker;

    // ---------------------------------------------------------------- trigger
    this.rule = new events.Rule(this, 'ObjectCreatedRule', {
      description: 'Sends the Object Created events of new contracts to the contract-processing invoker',
      eventPattern: {
        source: ['aws.s3'],
        detailType: ['Object Created'],
        detail: {
          bucket: { name: [this.inputBucket.bucketName] },
          ...(props.objectKeyPrefix !== undefined || suffixes.length > 0
            ? { object: { key: keyFilter(props.objectKeyPrefix, suffixes) } }
            : {}),
        },
      },
      targets: [new targets.LambdaFunction(invoker, {
        deadLetterQueue: this.eventDeadLetterQueue,
        retryAttempts: 8,
        maxEventAge: Duration.hours(24),
      })],
    });

    // ---------------------------------------------------------------- observability
    const period = props.errorRatePeriod ?? Duration.minutes(5);
    const threshold = props.errorRateThreshold ?? 5;
    this.alarm = this.metricErrorRate({ period }).createAlarm(this, 'ErrorRateAlarm', {
      alarmDescription: `More than ${threshold}% of the contract-processing pipeline's invocations failed; `
        + 'see the invoker function\'s logs and the event dead-letter queue',
      threshold,
      evaluationPeriods: props.errorRateEvaluationPeriods ?? 2,
      comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_THRESHOLD,
      treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING,
    });
    this.deadLetterAlarm = this.metricDeadLetterQueueDepth({ period: Duration.minutes(5) }).createAlarm(this, 'DeadLetterAlarm', {
      alarmDescription: 'Contract-processing events failed after all retries and wait in the event dead-letter queue',
      threshold: 0,
      evaluationPeriods: 1,
      comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_THRESHOLD,
      treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING,
    });
    if (props.alarmTopic) {
      const action = new cw_actions.SnsAction(props.alarmTopic);
      this.alarm.addAlarmAction(action);
      this.deadLetterAlarm.addAlarmAction(action);
    }
    if (props.createDashboard ?? true) {
      this.dashboard = this.createDashboard(props.dashboardName);
    }
  }

  // ------------------------------------------------------------------ metrics

  /**
   * A metric the invoker emits (embedded metric format) in the pipeline's namespace, with the
   * `Pipeline` dimension.
   * @default - sum over 5 minutes
   */
  public metric(metricName: string, props: cloudwatch.MetricOptions = {}): cloudwatch.Metric {
    return new cloudwatch.Metric({
      namespace: this.metricsNamespace,
      metricName,
      dimensionsMap: { Pipeline: this.pipelineName },
      statistic: cloudwatch.Stats.SUM,
      period: Duration.minutes(5),
      ...props,
    }).attachTo(this);
  }

  /**
   * Documents the invoker received (one per invocation, retries included).
   * @default - sum over 5 minutes
   */
  public metricInvocations(props: cloudwatch.MetricOptions = {}): cloudwatch.Metric {
    return this.metric('Invocations', { label: 'Invocations', ...props });
  }

  /**
   * Invocations that failed (the flow failed, or the invoker could not run it).
   * @default - sum over 5 minutes
   */
  public metricErrors(props: cloudwatch.MetricOptions = {}): cloudwatch.Metric {
    return this.metric('Errors', { label: 'Errors', ...props });
  }

  /**
   * The percentage of invocations that failed: `100 * errors / invocations`.
   * @default - over 5 minutes
   */
  public metricErrorRate(props: cloudwatch.MetricOptions = {}): cloudwatch.MathExpression {
    const { label, color, period, account, region, ...metricProps } = props;
    return new cloudwatch.MathExpression({
      expression: '100 * errors / invocations',
      usingMetrics: {
        errors: this.metricErrors({ period, account, region, ...metricProps }),
        invocations: this.metricInvocations({ period, account, region, ...metricProps }),
      },
      label: label ?? 'Error rate (%)',
      color,
      period: period ?? Duration.minutes(5),
      searchAccount: account,
      searchRegion: region,
    });
  }

  /**
   * How long the flow took per document, in milliseconds.
   * @default - p90 over 5 minutes
   */
  public metricLatency(props: cloudwatch.MetricOptions = {}): cloudwatch.Metric {
    // a latency is a distribution: a percentile shows the slow documents an average hides
    return this.metric('Latency', { statistic: cloudwatch.Stats.p(90), label: 'Flow latency p90 (ms)', ...props });
  }

  /**
   * Documents whose analysis failed the quality check and went to manual review.
   * @default - sum over 5 minutes
   */
  public metricRoutedToReview(props: cloudwatch.MetricOptions = {}): cloudwatch.Metric {
    return this.metric('RoutedToReview', { label: 'Routed to review', ...props });
  }

  /**
   * Repeated events for an object version already processed (or being processed), which were skipped.
   * @default - sum over 5 minutes
   */
  public metricDuplicates(props: cloudwatch.MetricOptions = {}): cloudwatch.Metric {
    return this.metric('Duplicates', { label: 'Duplicates skipped', ...props });
  }

  /**
   * Documents waiting for manual review (messages visible in the review queue).
   * @default - maximum over 5 minutes
   */
  public metricReviewQueueDepth(props: cloudwatch.MetricOptions = {}): cloudwatch.Metric {
    return queueDepth(this.reviewQueue, 'Documents waiting for review', props);
  }

  /**
   * Events that failed after all retries (messages visible in the event dead-letter queue).
   * @default - maximum over 5 minutes
   */
  public metricDeadLetterQueueDepth(props: cloudwatch.MetricOptions = {}): cloudwatch.Metric {
    return queueDepth(this.eventDeadLetterQueue, 'Failed events', props);
  }

  // ------------------------------------------------------------------ private

  private checkProps(props: ContractProcessingPipelineProps, suffixes: string[], reservedConcurrency: number): void {
    if (props.objectKeyPrefix !== undefined && !Token.isUnresolved(props.objectKeyPrefix) && props.objectKeyPrefix.length === 0) {
      throw new Error('objectKeyPrefix must not be empty; leave it out to process objects with any key');
    }
    for (const suffix of suffixes) {
      if (Token.isUnresolved(suffix)) continue;
      if (suffix.length === 0) throw new Error('objectKeySuffixes must not contain an empty string; pass [] to process any suffix');
      if (!props.flowDefinition && !TEXTRACT_EXTENSIONS.some(ext => suffix.toLowerCase().endsWith(ext))) {
        throw new Error(`objectKeySuffixes: '${suffix}' does not end with a file type the default flow reads `
          + `(${TEXTRACT_EXTENSIONS.join(', ')})`);
      }
    }
    if (!Token.isUnresolved(reservedConcurrency) && !(Number.isInteger(reservedConcurrency) && reservedConcurrency >= 1)) {
      throw new Error(`invokerReservedConcurrency must be a whole number of at least 1, got ${reservedConcurrency}`);
    }
    const threshold = props.errorRateThreshold;
    if (threshold !== undefined && !Token.isUnresolved(threshold) && !(threshold >= 0 && threshold < 100)) {
      throw new Error(`errorRateThreshold is a percentage of invocations (0 to less than 100), got ${threshold}`);
    }
    if (props.flowDefinition) {
      const ignored = (['classificationModel', 'analysisModel', 'qualityModel', 'classificationPrompt', 'analysisPrompt',
        'qualityPrompt', 'qualityThreshold', 'maxTextCharacters'] as const).filter(p => props[p] !== undefined);
      if (ignored.length > 0) {
        throw new Error(`${ignored.join(', ')} configure${ignored.length === 1 ? 's' : ''} the default flow, which flowDefinition replaces; `
          + 'configure your flow\'s nodes instead');
      }
    }
  }

  private createAccessLogsBucket(removalPolicy: RemovalPolicy): s3.Bucket {
    const bucket = new s3.Bucket(this, 'AccessLogsBucket', {
      // S3 server access logs can only be delivered to a bucket with SSE-S3 default encryption
      encryption: s3.BucketEncryption.S3_MANAGED,
      enforceSSL: true,
      minimumTLSVersion: 1.2,
      blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
      objectOwnership: s3.ObjectOwnership.BUCKET_OWNER_ENFORCED,
      versioned: true,
      removalPolicy,
    });
    suppressNag(bucket, [{
      id: 'AwsSolutions-S1',
      reason: 'This bucket receives the server access logs of the pipeline\'s input and results buckets; logging its own access '
        + 'would need yet another bucket (or loop into itself).',
    }]);
    return bucket;
  }

  private createBucket(id: string, logPrefix: string, removalPolicy: RemovalPolicy): s3.Bucket {
    const bucket = new s3.Bucket(this, id, {
      encryption: s3.BucketEncryption.S3_MANAGED,
      enforceSSL: true,
      minimumTLSVersion: 1.2,
      blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
      objectOwnership: s3.ObjectOwnership.BUCKET_OWNER_ENFORCED,
      versioned: true,
      lifecycleRules: [{ id: 'AbortIncompleteMultipartUploads', abortIncompleteMultipartUploadAfter: Duration.days(7) }],
      removalPolicy,
    });
    const logBucket = this.serverAccessLogsBucket!;
    // Server access logs delivered under a bucket policy for the S3 logging service (not the legacy
    // LogDeliveryWrite ACL), whatever the app's @aws-cdk/aws-s3:serverAccessLogsUseBucketPolicy flag
    (bucket.node.defaultChild as s3.CfnBucket).loggingConfiguration = { destinationBucketName: logBucket.bucketName, logFilePrefix: logPrefix };
    logBucket.addToResourcePolicy(new iam.PolicyStatement({
      sid: `AllowServerAccessLogsOf${id}`,
      principals: [new iam.ServicePrincipal('logging.s3.amazonaws.com')],
      actions: ['s3:PutObject'],
      resources: [logBucket.arnForObjects(`${logPrefix}*`)],
      conditions: {
        ArnLike: { 'aws:SourceArn': bucket.bucketArn },
        StringEquals: { 'aws:SourceAccount': Stack.of(this).account },
      },
    }));
    return bucket;
  }

  private createDashboard(dashboardName: string | undefined): cloudwatch.Dashboard {
    const dashboard = new cloudwatch.Dashboard(this, 'Dashboard', { dashboardName });
    dashboard.addWidgets(new cloudwatch.TextWidget({
      markdown: `# Contract processing: ${this.pipelineName}\n`
        + `Contracts uploaded to \`s3://${this.inputBucket.bucketName}\` are processed by the Bedrock flow \`${this.flow.flowName}\` `
        + `(alias \`${this.alias.flowAliasId}\`). Events that failed after all retries wait in the event dead-letter queue; `
        + 'analyses that failed the quality check wait in the review queue.',
      width: 24,
      height: 2,
    }));
    dashboard.addWidgets(
      new cloudwatch.GraphWidget({
        title: 'Documents',
        left: [this.metricInvocations(), this.metricErrors(), this.metricRoutedToReview(), this.metricDuplicates()],
        width: 8,
      }),
      new cloudwatch.AlarmWidget({ title: 'Error rate (%)', alarm: this.alarm, width: 8 }),
      new cloudwatch.GraphWidget({
        title: 'Flow latency (ms)',
        left: [this.metricLatency({ statistic: cloudwatch.Stats.p(50), label: 'p50' }), this.metricLatency({ label: 'p90' })],
        width: 8,
      }),
    );
    const functions: lambda.IFunction[] = [this.invoker];
    if (this.defaultFlow) {
      functions.push(this.defaultFlow.extractTextFunction, this.defaultFlow.translateFunction, this.defaultFlow.reviewQueueFunction);
    }
    dashboard.addWidgets(
      new cloudwatch.GraphWidget({
        title: 'Queues',
        left: [this.metricReviewQueueDepth()],
        right: [this.metricDeadLetterQueueDepth()],
        width: 8,
      }),
      new cloudwatch.GraphWidget({
        title: 'Function errors',
        left: functions.map(fn => fn.metricErrors({ label: fn.node.id })),
        width: 8,
      }),
      new cloudwatch.GraphWidget({
        title: 'Invoker throttles and concurrency',
        left: [this.invoker.metricThrottles({ label: 'Throttles' })],
        right: [this.invoker.metric('ConcurrentExecutions', { statistic: cloudwatch.Stats.MAXIMUM, label: 'Concurrent executions' })],
        width: 8,
      }),
    );
    return dashboard;
  }
}

/******************************************************************************
 *                                  HELPERS
 *****************************************************************************/

/** The file types the default flow's extract-text function reads. */
const TEXTRACT_EXTENSIONS = ['.pdf', '.tif', '.tiff', '.png', '.jpg', '.jpeg'];

/**
 * The event-pattern filter of `detail.object.key`: a suffix filter per suffix, or, with a prefix,
 * a wildcard `<prefix>*<suffix>` per suffix (an event pattern cannot put a prefix and a suffix filter
 * on the same field).
 */
function keyFilter(prefix: string | undefined, suffixes: string[]): string[] {
  if (suffixes.length === 0) return events.Match.prefix(prefix!);
  const matchers = suffixes.map(suffix => prefix === undefined
    ? events.Match.suffix(suffix)
    : events.Match.wildcard(`${escapeWildcard(prefix)}*${escapeWildcard(suffix)}`));
  return matchers.length === 1 ? matchers[0] : events.Match.anyOf(...matchers);
}

/** Escapes the characters that are special in an EventBridge wildcard pattern. */
function escapeWildcard(value: string): string {
  return value.replace(/[\\*]/g, c => `\\${c}`);
}

/**
 * Turns on EventBridge notifications of a bucket defined in this app, without the
 * `Custom::S3BucketNotifications` resource (and its Lambda function) for a bucket that has no
 * other notifications. If the bucket gets other notifications through CDK (which are managed by
 * that custom resource, and would overwrite the configuration), EventBridge is turned on there too.
 */
function enableEventBridgeNotifications(bucket: s3.Bucket): void {
  (bucket.node.defaultChild as s3.CfnBucket).addPropertyOverride('NotificationConfiguration.EventBridgeConfiguration.EventBridgeEnabled', true);
  Aspects.of(bucket).add(new class implements IAspect {
    public visit(node: IConstruct): void {
      if (node === bucket && bucket.node.tryFindChild('Notifications')) bucket.enableEventBridgeNotification();
    }
  }());
}

/**
 * Adds cdk-nag suppressions to `target` and its children when `scope` is visited at synth, after the
 * resources that `scope`'s own aspects create (the flow's role policy) exist, and before cdk-nag's
 * checks reach them.
 */
function suppressNagLater(scope: IConstruct, target: IConstruct, suppressions: NagSuppression[]): void {
  Aspects.of(scope).add(new class implements IAspect {
    public visit(node: IConstruct): void {
      if (node === scope) suppressNag(target, suppressions, true);
    }
  }());
}

/** The name of the Input node of a definition. */
function inputNodeOf(definition: FlowDefinition): string {
  const json = definition.toJson();
  const inputs = (json?.nodes ?? []).filter((n: any) => n?.type === 'Input');
  if (inputs.length !== 1 || typeof inputs[0].name !== 'string') {
    throw new Error('cannot tell the flow\'s Input node: flowDefinition must have exactly one Input node (or pass inputNodeName)');
  }
  return inputs[0].name;
}

/** The messages visible in a queue, as a gauge: the maximum shows the backlog (a sum over several samples would count messages twice). */
function queueDepth(queue: sqs.IQueue, label: string, props: cloudwatch.MetricOptions): cloudwatch.Metric {
  return queue.metricApproximateNumberOfMessagesVisible({
    statistic: cloudwatch.Stats.MAXIMUM,
    label,
    period: Duration.minutes(5),
    ...props,
  });
}
