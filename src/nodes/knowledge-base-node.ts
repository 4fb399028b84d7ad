import { ArnFormat, Stack, Token } from 'aws-cdk-lib';
import { Construct } from 'constructs';
import { FlowNodeProps, NextableFlowNode } from './flow-node';
import { checkInferenceConfiguration, renderInferenceConfiguration } from './private/inference';
import { PromptInferenceConfiguration } from './prompt-node';
import { FlowDataType } from '../definition/data-type';
import { FlowOutput } from '../definition/ports';
import { FlowGuardrail } from '../guardrail';
import { FlowModel } from '../models';
import { crossRegionModelId } from '../permissions/models';
import { FlowPermission, PermissionContext } from '../permissions/types';
import { isUnresolved } from '../private/tokens';
import { FlowKnowledgeBase } from '../targets';

/** How much the service optimizes the orchestration model for latency. */
export enum KnowledgeBaseLatency {
  /** Standard latency. */
  STANDARD = 'standard',
  /** Latency-optimized inference, for the models that support it. */
  OPTIMIZED = 'optimized',
}

/**
 * The metadata fields a reranking model considers, besides the text of each result.
 */
export class RerankingMetadata {
  /** All metadata fields. */
  public static all(): RerankingMetadata {
    return new RerankingMetadata({ selectionMode: 'ALL' });
  }

  /** Only the given metadata fields (1–100). */
  public static include(fieldNames: string[]): RerankingMetadata {
    return new RerankingMetadata({ selectionMode: 'SELECTIVE', selectiveModeConfiguration: { fieldsToInclude: fields('include', fieldNames) } });
  }

  /** All metadata fields but the given ones (1–100). */
  public static exclude(fieldNames: string[]): RerankingMetadata {
    return new RerankingMetadata({ selectionMode: 'SELECTIVE', selectiveModeConfiguration: { fieldsToExclude: fields('exclude', fieldNames) } });
  }

  private constructor(private readonly json: any) {}

  /** @internal the `metadataConfiguration` member */
  public _render(): any {
    return this.json;
  }
}

function fields(what: string, names: string[]): { fieldName: string }[] {
  if (!isUnresolved(names) && (names.length < 1 || names.length > 100)) {
    throw new Error(`RerankingMetadata.${what}() takes 1 to 100 field names, got ${names.length}`);
  }
  for (const name of names) {
    if (!isUnresolved(name) && (name.length < 1 || name.length > 2000)) {
      throw new Error(`RerankingMetadata.${what}(): a field name must be 1–2000 characters, got ${name.length}`);
    }
  }
  return names.map(fieldName => ({ fieldName }));
}

/** Reranking of the retrieved results with a Bedrock reranking model. */
export interface KnowledgeBaseRerankingConfiguration {
  /**
   * The reranking model: a foundation model, e.g. `FlowModel.foundationModel('amazon.rerank-v1:0')`
   * or `FlowModel.fromArn(...)` with a `foundation-model` ARN (for a model in another Region). The flow's
   * role gets `bedrock:Rerank` (on `*`: the action has no resource type) and `bedrock:InvokeModel` on it.
   */
  readonly model: FlowModel;

  /**
   * How many results to keep after reranking, 1–100.
   * @default - the service's default
   */
  readonly numberOfRerankedResults?: number;

  /**
   * The metadata fields the reranking model considers.
   * @default - the service's default
   */
  readonly metadata?: RerankingMetadata;

  /**
   * Model-specific request fields for the reranking model.
   * @default - none
   */
  readonly additionalModelRequestFields?: { [key: string]: any };
}

/** How the model prepares the query before retrieval and generation (RetrieveAndGenerate only). */
export interface KnowledgeBaseOrchestrationConfiguration {
  /**
   * A custom orchestration prompt template (1–100,000 characters).
   * @default - the service's template
   */
  readonly promptTemplate?: string;

  /**
   * Inference parameters for orchestration.
   * @default - the model's defaults
   */
  readonly inferenceConfiguration?: PromptInferenceConfiguration;

  /**
   * Model-specific request fields.
   * @default - none
   */
  readonly additionalModelRequestFields?: { [key: string]: any };

  /**
   * The latency optimization.
   * @default - the service's default (standard)
   */
  readonly latency?: KnowledgeBaseLatency;
}

/** Properties of a KnowledgeBaseNode. */
export interface KnowledgeBaseNodeProps extends FlowNodeProps {
  /** The knowledge base to query (in the flow's account and Region). */
  readonly knowledgeBase: FlowKnowledgeBase;

  /**
   * The query (a String).
   * @default - unbound: `previous.next(node)` connects it
   */
  readonly retrievalQuery?: FlowOutput;

  /**
   * A model that generates a response from the retrieved results (RetrieveAndGenerate): the node's
   * output is then `outputText` (String) instead of `retrievalResults` (Array).
   * @default - the node only retrieves: its output is `retrievalResults`
   */
  readonly model?: FlowModel;

  /**
   * How many results to retrieve, 1–100.
   * @default - the service's default
   */
  readonly numberOfResults?: number;

  /**
   * A prompt template for generating the response (1–100,000 characters; `$search_results$` marks the
   * retrieved results). Needs `model`.
   * @default - the service's template
   */
  readonly promptTemplate?: string;

  /**
   * Inference parameters for generating the response. Needs `model`.
   * @default - the model's defaults
   */
  readonly inferenceConfiguration?: PromptInferenceConfiguration;

  /**
   * A guardrail applied to the generated response. Needs `model` (guardrails apply to RetrieveAndGenerate only).
   * @default - no guardrail
   */
  readonly guardrail?: FlowGuardrail;

  /**
   * Reranking of the retrieved results.
   * @default - no reranking
   */
  readonly reranking?: KnowledgeBaseRerankingConfiguration;

  /**
   * How the model prepares the query (RetrieveAndGenerate). Needs `model`.
   * @default - the service's defaults
   */
  readonly orchestration?: KnowledgeBaseOrchestrationConfiguration;
}

/**
 * Queries a knowledge base: returns the retrieved results (`retrievalResults`), or, with a `model`,
 * a response generated from them (`outputText`).
 * @see https://docs.aws.amazon.com/bedrock/latest/userguide/flows-nodes.html
 */
export class KnowledgeBaseNode extends NextableFlowNode {
  /** The retrieved results (an Array); undefined when the node has a `model`. */
  public readonly retrievalResults?: FlowOutput;
  /** The generated response (a String); undefined when the node has no `model`. */
  public readonly outputText?: FlowOutput;
  /** The knowledge base queried. */
  public readonly knowledgeBase: FlowKnowledgeBase;

  private readonly props: KnowledgeBaseNodeProps;
  private readonly rerankingModelArn?: string;

  constructor(scope: Construct, id: string, props: KnowledgeBaseNodeProps) {
    super(scope, id, 'KnowledgeBase', props);
    this.props = props;
    this.knowledgeBase = props.knowledgeBase;
    const where = `KnowledgeBase node '${this.nodeName}'`;
    this.checkEnvironment(where);

    if (!props.model) {
      const needsModel = (['promptTemplate', 'inferenceConfiguration', 'guardrail', 'orchestration'] as const)
        .filter(k => props[k] !== undefined);
      if (needsModel.length > 0) {
        throw new Error(`${where}: ${needsModel.map(k => `\`${k}\``).join(', ')} ${needsModel.length > 1 ? 'apply' : 'applies'} only when `
          + 'the node generates a response: give a `model` (RetrieveAndGenerate), or remove '
          + (needsModel.length > 1 ? 'them' : 'it') + (props.guardrail ? ' (guardrails apply to generated responses only)' : ''));
      }
    }
    integer(where, 'numberOfResults', props.numberOfResults, 1, 100);
    templateLength(where, 'promptTemplate', props.promptTemplate);
    checkInferenceConfiguration(where, props.inferenceConfiguration);
    if (props.orchestration) {
      templateLength(where, 'orchestration.promptTemplate', props.orchestration.promptTemplate);
      checkInferenceConfiguration(where, props.orchestration.inferenceConfiguration, 'orchestration.inferenceConfiguration');
    }
    if (props.reranking) {
      integer(where, 'reranking.numberOfRerankedResults', props.reranking.numberOfRerankedResults, 1, 100);
      this.rerankingModelArn = this.foundationModelArn(where, props.reranking.model);
    }

    this.addInput('retrievalQuery', { fixedType: FlowDataType.STRING, source: props.retrievalQuery });
    if (props.model) {
      this.outputText = this.addOutput('outputText', FlowDataType.STRING);
    } else {
      this.retrievalResults = this.addOutput('retrievalResults', FlowDataType.ARRAY);
    }
  }

  /** @internal */
  public _extraPermissions(ctx: PermissionContext): FlowPermission[] {
    // the models are in the definition; application inference profiles also need their underlying models
    return [
      ...this.props.model?._extraPermissions(ctx, `KnowledgeBase node '${this.nodeName}' invokes its model`) ?? [],
      ...this.props.reranking?.model._extraPermissions(ctx, `KnowledgeBase node '${this.nodeName}' invokes its reranking model`) ?? [],
    ];
  }

  protected renderConfiguration(): any {
    const p = this.props;
    const o = p.orchestration;
    const orchestration = o ? {
      ...(o.promptTemplate !== undefined ? { promptTemplate: { textPromptTemplate: o.promptTemplate } } : {}),
      ...(o.inferenceConfiguration ? { inferenceConfig: renderInferenceConfiguration(o.inferenceConfiguration) } : {}),
      ...(o.additionalModelRequestFields ? { additionalModelRequestFields: o.additionalModelRequestFields } : {}),
      ...(o.latency ? { performanceConfig: { latency: o.latency } } : {}),
    } : undefined;
    const r = p.reranking;
    const reranking = r ? {
      type: 'BEDROCK_RERANKING_MODEL',
      bedrockRerankingConfiguration: {
        modelConfiguration: {
          modelArn: this.rerankingModelArn,
          ...(r.additionalModelRequestFields ? { additionalModelRequestFields: r.additionalModelRequestFields } : {}),
        },
        ...(r.numberOfRerankedResults !== undefined ? { numberOfRerankedResults: r.numberOfRerankedResults } : {}),
        ...(r.metadata ? { metadataConfiguration: r.metadata._render() } : {}),
      },
    } : undefined;
    return {
      knowledgeBase: {
        knowledgeBaseId: this.knowledgeBase.knowledgeBaseId,
        ...(p.model ? { modelId: p.model.modelId } : {}),
        ...(p.numberOfResults !== undefined ? { numberOfResults: p.numberOfResults } : {}),
        ...(p.promptTemplate !== undefined ? { promptTemplate: { textPromptTemplate: p.promptTemplate } } : {}),
        ...(p.inferenceConfiguration ? { inferenceConfiguration: renderInferenceConfiguration(p.inferenceConfiguration) } : {}),
        ...(p.guardrail ? { guardrailConfiguration: p.guardrail._render() } : {}),
        ...(reranking ? { rerankingConfiguration: reranking } : {}),
        ...(orchestration ? { orchestrationConfiguration: orchestration } : {}),
      },
    };
  }

  /** The definition names the knowledge base by id: it must be in the flow's account and Region. */
  private checkEnvironment(where: string): void {
    const stack = Stack.of(this);
    const differs = (kb: string | undefined, here: string) => kb !== undefined && !Token.isUnresolved(kb) && !Token.isUnresolved(here) && kb !== here;
    const { _account: account, _region: region } = this.knowledgeBase;
    if (differs(account, stack.account) || differs(region, stack.region)) {
      throw new Error(`${where}: the knowledge base is in ${account}/${region}, but the flow's stack is in ${stack.account}/${stack.region}; `
        + 'a flow names its knowledge base by id, so the knowledge base must be in the flow\'s account and Region');
    }
  }

  /** The reranking model's ARN: the node needs a `foundation-model` ARN. */
  private foundationModelArn(where: string, model: FlowModel): string {
    const id = model.modelId;
    if (isUnresolved(id)) return id;
    if (id.startsWith('arn:')) {
      if (!/^arn:aws(-[^:]+)?:bedrock:[a-z0-9-]{1,20}::foundation-model\/.+$/.test(id)) {
        throw new Error(`${where}: the reranking model must be a foundation model (arn:<partition>:bedrock:<region>::foundation-model/<id>), got '${id}'`);
      }
      return id;
    }
    if (crossRegionModelId(id)) {
      throw new Error(`${where}: the reranking model must be a foundation model, not the inference profile '${id}'`);
    }
    return Stack.of(this).formatArn({ service: 'bedrock', account: '', resource: 'foundation-model', resourceName: id, arnFormat: ArnFormat.SLASH_RESOURCE_NAME });
  }
}

function integer(where: string, name: string, value: number | undefined, min: number, max: number): void {
  if (value === undefined || isUnresolved(value)) return;
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new Error(`${where}: ${name} must be a whole number from ${min} to ${max}, got ${value}`);
  }
}

function templateLength(where: string, name: string, template: string | undefined): void {
  if (template === undefined || isUnresolved(template)) return;
  if (template.length < 1 || template.length > 100_000) {
    throw new Error(`${where}: ${name} must be 1–100,000 characters, got ${template.length}`);
  }
}
