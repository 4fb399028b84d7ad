import { Annotations, Duration, RemovalPolicy, Stack, Token } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as logs from 'aws-cdk-lib/aws-logs';
import * as s3 from 'aws-cdk-lib/aws-s3';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { ExtractTextFunction } from './extract-text-function';
import { createPatternFunction } from './private/function';
import { PARSE_CLASSIFICATION_CODE, PARSE_SCORE_CODE } from './private/inline-code';
import { suppressNag } from './private/nag';
import { ContractProcessingPrompts } from './prompts';
import { ReviewQueueFunction } from './review-queue-function';
import { TranslateFunction } from './translate-function';
import { FlowCondition } from '../../definition/condition';
import { FlowDataType } from '../../definition/data-type';
import { FlowDefinition } from '../../definition/flow-definition';
import { FlowOutput } from '../../definition/ports';
import { templateVariables } from '../../definition/template';
import { FlowModel } from '../../models';
import { ConditionNode } from '../../nodes/condition-node';
import { InlineCodeNode } from '../../nodes/inline-code-node';
import { InputNode } from '../../nodes/input-node';
import { LambdaFunctionNode } from '../../nodes/lambda-function-node';
import { OutputNode } from '../../nodes/output-node';
import { PromptNode } from '../../nodes/prompt-node';
import { StorageNode } from '../../nodes/storage-node';

/******************************************************************************
 *                                   PROPS
 *****************************************************************************/

/**
 * What can be changed in the default contract-processing flow: its models, prompts, quality
 * threshold and text limit. `ContractProcessingPipeline` takes the same options.
 */
export interface ContractProcessingFlowOptions {
  /**
   * The model that classifies the contract (type and language).
   * @default - Amazon Nova Lite through the cross-Region inference profile of the stack's geography
   * (`us.`, `eu.` or `apac.amazon.nova-lite-v1:0`)
   */
  readonly classificationModel?: FlowModel;

  /**
   * The model that analyzes the contract.
   * @default - Amazon Nova Pro through the cross-Region inference profile of the stack's geography
   * (`us.`, `eu.` or `apac.amazon.nova-pro-v1:0`)
   */
  readonly analysisModel?: FlowModel;

  /**
   * The model that scores the analysis.
   * @default - Amazon Nova Lite through the cross-Region inference profile of the stack's geography
   */
  readonly qualityModel?: FlowModel;

  /**
   * The classification prompt. It must use `{{text}}`, and must make the model answer with a JSON
   * object `{"contractType": ..., "language": <ISO 639-1 code>}`.
   * @default ContractProcessingPrompts.CLASSIFICATION
   */
  readonly classificationPrompt?: string;

  /**
   * The analysis prompt. It must use `{{text}}` (the English text) and may use `{{contractType}}`
   * and `{{language}}` (the original language).
   * @default ContractProcessingPrompts.ANALYSIS
   */
  readonly analysisPrompt?: string;

  /**
   * The quality-check prompt. It must use `{{analysis}}` and may use `{{contractType}}`; the model
   * must answer with a score from 1 to 10, preferably as `{"score": <n>}`.
   * @default ContractProcessingPrompts.QUALITY
   */
  readonly qualityPrompt?: string;

  /**
   * The lowest quality score (1–10) whose analysis is written to the results bucket; documents
   * scored lower go to the review queue.
   * @default 7
   */
  readonly qualityThreshold?: number;

  /**
   * The most characters of extracted text passed on to the models (longer texts are cut).
   * @default 100000
   */
  readonly maxTextCharacters?: number;
}

/** Properties of a ContractProcessingFlow. */
export interface ContractProcessingFlowProps extends ContractProcessingFlowOptions {
  /** The bucket the contracts are read from: the extract-text function may read its objects. */
  readonly documentBucket: s3.IBucket;

  /**
   * Limits the extract-text function's read access to the objects under this key prefix.
   * @default - all objects of `documentBucket`
   */
  readonly documentKeyPrefix?: string;

  /** The bucket the analyses of documents that pass the quality check are written to (Storage node). */
  readonly resultsBucket: s3.IBucket;

  /**
   * The key prefix of the result objects. The flow writes each analysis to the `resultKey` of its
   * input document, and its role may write only under this prefix, so the prefix must match the
   * result keys the flow is invoked with (the pipeline's `resultKeyPrefix`).
   * @default 'results/'
   */
  readonly resultKeyPrefix?: string;

  /** The queue documents that fail the quality check are sent to for manual review. */
  readonly reviewQueue: sqs.IQueue;


  /**
   * How long the log groups of the flow's functions keep events.
   * @default logs.RetentionDays.ONE_YEAR
   */
  readonly logRetention?: logs.RetentionDays;

  /**
   * What happens to the log groups of the flow's functions when they leave the stack.
   * @default RemovalPolicy.RETAIN
   */
  readonly logRemovalPolicy?: RemovalPolicy;
}

/******************************************************************************
 *                                 CONSTRUCT
 *****************************************************************************/

/**
 * The default flow of the contract-processing pipeline, with the Lambda functions its nodes call.
 *
 * Extract the text (Textract) → classify type and language (Prompt) → parse the classification
 * (InlineCode) → English? analyze : translate (Amazon Translate), then analyze → score the analysis
 * (Prompt) → parse the score (InlineCode) → score ≥ threshold? write the analysis to the results
 * bucket (Storage) : send the document to the review queue (Lambda → SQS) → Output.
 *
 * Bedrock does not let two connections feed one input, so the two branches cannot merge before the
 * quality check: the tail (quality check to outputs) is built once per branch, with node names
 * prefixed `English` and `Translated`.
 *
 * The flow's Input node (`FlowInput`) takes the Object the pipeline's invoker sends:
 * `{ bucket, key, versionId?, etag?, size?, resultKey }`.
 */
export class ContractProcessingFlow extends Construct {
  /** The flow definition, for `new Flow(this, 'Flow', { definition })`. */
  public readonly definition: FlowDefinition;
  /** The flow's Input node. */
  public readonly inputNode: InputNode;
  /** The name of the Input node (`FlowInput`). */
  public readonly inputNodeName: string;
  /** The Output nodes reached when a document is sent to manual review. */
  public readonly reviewOutputNodeNames: string[];
  /** The Output nodes reached when an analysis is written to the results bucket. */
  public readonly resultOutputNodeNames: string[];
  /** The function that extracts a document's text with Amazon Textract. */
  public readonly extractTextFunction: lambda.IFunction;
  /** The function that translates the text to English with Amazon Translate. */
  public readonly translateFunction: lambda.IFunction;
  /** The function that sends a document to the review queue. */
  public readonly reviewQueueFunction: lambda.IFunction;

  constructor(scope: Construct, id: string, props: ContractProcessingFlowProps) {
    super(scope, id);
    const threshold = props.qualityThreshold ?? 7;
    if (!Token.isUnresolved(threshold) && !(threshold >= 1 && threshold <= 10)) {
      throw new Error(`qualityThreshold must be between 1 and 10 (the quality check scores 1-10), got ${threshold}`);
    }
    const maxTextCharacters = props.maxTextCharacters ?? 100_000;
    if (!Token.isUnresolved(maxTextCharacters) && !(Number.isInteger(maxTextCharacters) && maxTextCharacters > 0)) {
      throw new Error(`maxTextCharacters must be a positive whole number, got ${maxTextCharacters}`);
    }
    const resultKeyPrefix = props.resultKeyPrefix ?? 'results/';
    const classificationTemplate = checkTemplate('classificationPrompt', props.classificationPrompt ?? ContractProcessingPrompts.CLASSIFICATION,
      CLASSIFICATION_VARIABLES);
    const analysisTemplate = checkTemplate('analysisPrompt', props.analysisPrompt ?? ContractProcessingPrompts.ANALYSIS, ANALYSIS_VARIABLES);
    const qualityTemplate = checkTemplate('qualityPrompt', props.qualityPrompt ?? ContractProcessingPrompts.QUALITY, QUALITY_VARIABLES);
    const models = this.models(props);

    // ---------------------------------------------------------------- functions
    const functionDefaults = {
      logRetention: props.logRetention ?? logs.RetentionDays.ONE_YEAR,
      logRemovalPolicy: props.logRemovalPolicy ?? RemovalPolicy.RETAIN,
    };
    const extractText = createPatternFunction(this, 'ExtractTextFunction', ExtractTextFunction, {
      ...functionDefaults,
      description: 'Contract processing: extracts the text of a document with Amazon Textract (flow node ExtractText)',
      // the function polls Textract for up to TEXTRACT_POLL_TIMEOUT_SECONDS, so it must run longer
      timeout: Duration.minutes(5),
      memorySize: 512,
      environment: {
        MAX_TEXT_CHARS: String(maxTextCharacters),
        TEXTRACT_POLL_TIMEOUT_SECONDS: '240',
      },
    });
    // Textract reads the document with the caller's credentials: the function needs to read the object
    extractText.addToRolePolicy(new iam.PolicyStatement({
      actions: ['s3:GetObject', 's3:GetObjectVersion'],
      resources: [props.documentBucket.arnForObjects(`${props.documentKeyPrefix ?? ''}*`)],
    }));
    props.documentBucket.encryptionKey?.grantDecrypt(extractText);
    extractText.addToRolePolicy(new iam.PolicyStatement({
      actions: ['textract:StartDocumentTextDetection', 'textract:GetDocumentTextDetection', 'textract:DetectDocumentText'],
      resources: ['*'],
    }));
    suppressNag(extractText.role!, [
      {
        id: 'AwsSolutions-IAM5',
        reason: 'Amazon Textract text-detection actions (StartDocumentTextDetection, GetDocumentTextDetection, DetectDocumentText) '
          + 'support no resource types, so they can only be granted on "*".',
        appliesTo: ['Resource::*'],
      },
      {
        id: 'AwsSolutions-IAM5',
        reason: 'The function reads any contract uploaded to the pipeline\'s input bucket (under its key prefix, if any): the object keys are '
          + 'not known in advance, so the grant covers the bucket\'s objects (GetObject and GetObjectVersion only).',
        appliesTo: [{ regex: '/^Resource::.+\\/.*\\*$/' }],
      },
    ], true);

    const translate = createPatternFunction(this, 'TranslateFunction', TranslateFunction, {
      ...functionDefaults,
      description: 'Contract processing: translates a contract to English with Amazon Translate (flow node Translate)',
      timeout: Duration.minutes(3),
      memorySize: 256,
      environment: { TARGET_LANGUAGE: 'en' },
    });
    translate.addToRolePolicy(new iam.PolicyStatement({
      // DetectDominantLanguage: Translate calls Comprehend with the caller's credentials when the source language is `auto`
      actions: ['translate:TranslateText', 'comprehend:DetectDominantLanguage'],
      resources: ['*'],
    }));
    suppressNag(translate.role!, [{
      id: 'AwsSolutions-IAM5',
      reason: 'translate:TranslateText (without custom terminologies) and comprehend:DetectDominantLanguage (used by Translate for source '
        + 'language auto) support no resource types, so they can only be granted on "*".',
      appliesTo: ['Resource::*'],
    }], true);

    const review = createPatternFunction(this, 'ReviewQueueFunction', ReviewQueueFunction, {
      ...functionDefaults,
      description: 'Contract processing: sends a document whose analysis failed the quality check to the review queue (flow nodes *SendToReview)',
      timeout: Duration.seconds(30),
      memorySize: 256,
      environment: { REVIEW_QUEUE_URL: props.reviewQueue.queueUrl },
    });
    props.reviewQueue.grantSendMessages(review);

    this.extractTextFunction = extractText;
    this.translateFunction = translate;
    this.reviewQueueFunction = review;

    // ---------------------------------------------------------------- nodes
    const input = new InputNode(this, 'FlowInput', { type: FlowDataType.OBJECT });
    const document = input.document;
    const resultKey = document.at('$.data.resultKey', FlowDataType.STRING);

    const extract = new LambdaFunctionNode(this, 'ExtractText', {
      lambdaFunction: extractText,
      inputs: { document },
      responseType: FlowDataType.OBJECT,
    });
    const text = extract.functionResponse.at('$.data.text', FlowDataType.STRING);

    const classify = new PromptNode(this, 'Classify', {
      model: models.classification,
      template: classificationTemplate,
      inputs: pick(classificationTemplate, { text }),
      inferenceConfiguration: { temperature: 0, maxTokens: 200 },
    });
    const classification = new InlineCodeNode(this, 'ParseClassification', {
      code: PARSE_CLASSIFICATION_CODE,
      inputs: { completion: classify.modelCompletion },
      responseType: FlowDataType.OBJECT,
    });
    const contractType = classification.response.at('$.data.contractType', FlowDataType.STRING);
    const language = classification.response.at('$.data.language', FlowDataType.STRING);

    const analyzeEnglish = new PromptNode(this, 'AnalyzeEnglish', {
      model: models.analysis,
      template: analysisTemplate,
      inputs: pick(analysisTemplate, { text, contractType, language }),
      inferenceConfiguration: ANALYSIS_INFERENCE,
    });
    const translateNode = new LambdaFunctionNode(this, 'Translate', {
      lambdaFunction: translate,
      inputs: { text, sourceLanguage: classification.response.at('$.data.sourceLanguage', FlowDataType.STRING) },
      responseType: FlowDataType.STRING,
    });
    const analyzeTranslated = new PromptNode(this, 'AnalyzeTranslated', {
      model: models.analysis,
      template: analysisTemplate,
      inputs: pick(analysisTemplate, { text: translateNode.functionResponse, contractType, language }),
      inferenceConfiguration: ANALYSIS_INFERENCE,
    });

    new ConditionNode(this, 'IsEnglish', { inputs: { language } })
      .when('english', FlowCondition.equalTo('language', 'en'), analyzeEnglish)
      .otherwise(translateNode);

    const tailProps = {
      contractType,
      document,
      resultKey,
      model: models.quality,
      template: qualityTemplate,
      threshold,
      resultsBucket: props.resultsBucket,
      resultKeyPrefix,
      reviewFunction: review,
    };
    const english = new QualityGate(this, 'English', { ...tailProps, analysis: analyzeEnglish.modelCompletion });
    const translated = new QualityGate(this, 'Translated', { ...tailProps, analysis: analyzeTranslated.modelCompletion });

    this.inputNode = input;
    this.inputNodeName = input.nodeName;
    this.reviewOutputNodeNames = [english.reviewOutput.nodeName, translated.reviewOutput.nodeName];
    this.resultOutputNodeNames = [english.resultOutput.nodeName, translated.resultOutput.nodeName];
    this.definition = FlowDefinition.fromChainable(input);
  }

  private models(props: ContractProcessingFlowProps) {
    if (props.classificationModel && props.analysisModel && props.qualityModel) {
      return { classification: props.classificationModel, analysis: props.analysisModel, quality: props.qualityModel };
    }
    const region = Stack.of(this).region;
    let geography = Token.isUnresolved(region) ? undefined : NOVA_GEOGRAPHIES.find(([prefix]) => region.startsWith(prefix))?.[1];
    if (!geography) {
      geography = 'us';
      const why = Token.isUnresolved(region) ? 'is not known at synth time' : `'${region}' has no Amazon Nova cross-Region inference profile`;
      Annotations.of(this).addWarningV2('cdk-bedrock-flows:ContractProcessing.defaultModels',
        `the stack's Region ${why}, `
        + 'so the default models are the us. Amazon Nova profiles, which work only in US Regions: give the stack an env with a Region, '
        + 'or pass classificationModel, analysisModel and qualityModel');
    }
    const lite = FlowModel.crossRegion(`${geography}.amazon.nova-lite-v1:0`);
    return {
      classification: props.classificationModel ?? lite,
      analysis: props.analysisModel ?? FlowModel.crossRegion(`${geography}.amazon.nova-pro-v1:0`),
      quality: props.qualityModel ?? lite,
    };
  }
}

/******************************************************************************
 *                              THE SHARED TAIL
 *****************************************************************************/

interface QualityGateProps {
  /** The analysis to check, store or send to review. */
  readonly analysis: FlowOutput;
  readonly contractType: FlowOutput;
  /** The flow's input document. */
  readonly document: FlowOutput;
  /** `resultKey` of the flow's input document. */
  readonly resultKey: FlowOutput;
  readonly model: FlowModel;
  readonly template: string;
  readonly threshold: number;
  readonly resultsBucket: s3.IBucket;
  readonly resultKeyPrefix: string;
  readonly reviewFunction: lambda.IFunction;
}

/**
 * The tail of one branch of the flow: quality check (Prompt) → parse the score (InlineCode) →
 * score ≥ threshold? write the analysis to the results bucket (Storage) → Output `<prefix>Result`
 * : send the document to review (Lambda) → Output `<prefix>Review`. Seven nodes, named with the
 * prefix, so that each branch gets its own copy (an input takes exactly one connection).
 */
class QualityGate {
  public readonly resultOutput: OutputNode;
  public readonly reviewOutput: OutputNode;

  constructor(scope: Construct, prefix: string, props: QualityGateProps) {
    const check = new PromptNode(scope, `${prefix}QualityCheck`, {
      model: props.model,
      template: props.template,
      inputs: pick(props.template, { analysis: props.analysis, contractType: props.contractType }),
      inferenceConfiguration: { temperature: 0, maxTokens: 300 },
    });
    const score = new InlineCodeNode(scope, `${prefix}ParseScore`, {
      code: PARSE_SCORE_CODE,
      inputs: { completion: check.modelCompletion },
      responseType: FlowDataType.NUMBER,
    });
    const save = new StorageNode(scope, `${prefix}SaveResult`, {
      bucket: props.resultsBucket,
      keyPrefix: props.resultKeyPrefix,
      content: props.analysis,
      objectKey: props.resultKey,
    });
    this.resultOutput = new OutputNode(scope, `${prefix}Result`, { document: save.s3Uri });

    const send = new LambdaFunctionNode(scope, `${prefix}SendToReview`, {
      lambdaFunction: props.reviewFunction,
      inputs: { analysis: props.analysis, score: score.response, document: props.document },
      responseType: FlowDataType.OBJECT,
    });
    this.reviewOutput = new OutputNode(scope, `${prefix}Review`, { document: send.functionResponse });

    new ConditionNode(scope, `${prefix}ScoreGate`, { inputs: { score: score.response } })
      .when('passed', FlowCondition.greaterThanOrEqualTo('score', props.threshold), save)
      .otherwise(send);
  }
}

/******************************************************************************
 *                                  HELPERS
 *****************************************************************************/

/** The variables a prompt must use, and those it may use. */
interface PromptVariables {
  readonly required: string;
  readonly optional: string[];
}

const CLASSIFICATION_VARIABLES: PromptVariables = { required: 'text', optional: [] };
const ANALYSIS_VARIABLES: PromptVariables = { required: 'text', optional: ['contractType', 'language'] };
const QUALITY_VARIABLES: PromptVariables = { required: 'analysis', optional: ['contractType'] };

const ANALYSIS_INFERENCE = { temperature: 0.2, maxTokens: 4096 };

/** Region prefixes and the geography of their Amazon Nova cross-Region inference profiles. */
const NOVA_GEOGRAPHIES: [string, string][] = [['us-gov-', ''], ['us-', 'us'], ['eu-', 'eu'], ['ap-', 'apac']];

/** Checks that a prompt template uses its required variable and no unknown one. */
function checkTemplate(prop: string, template: string, variables: PromptVariables): string {
  if (Token.isUnresolved(template)) {
    throw new Error(`${prop} must be a plain string: the flow connects the template's variables when it is built`);
  }
  const used = templateVariables(template);
  if (!used.includes(variables.required)) {
    throw new Error(`${prop} must use the variable {{${variables.required}}}`);
  }
  const allowed = [variables.required, ...variables.optional];
  const unknown = used.filter(v => !allowed.includes(v));
  if (unknown.length > 0) {
    throw new Error(`${prop} uses ${unknown.map(v => `{{${v}}}`).join(', ')}; it may use only ${allowed.map(v => `{{${v}}}`).join(', ')}`);
  }
  return template;
}

/** The inputs of `available` whose variables the template uses. */
function pick(template: string, available: { [name: string]: FlowOutput }): { [name: string]: FlowOutput } {
  const used = templateVariables(template);
  return Object.fromEntries(Object.entries(available).filter(([name]) => used.includes(name)));
}
