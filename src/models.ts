import { Aws, Token } from 'aws-cdk-lib';
import * as bedrock from 'aws-cdk-lib/aws-bedrock';
import { crossRegionModelId, modelPermissions } from './permissions/models';
import { FlowPermission, PermissionContext } from './permissions/types';

/**
 * The model a Prompt or KnowledgeBase node invokes, and what the flow's role needs to invoke it.
 *
 * @see https://docs.aws.amazon.com/bedrock/latest/userguide/flows-permissions.html
 * @see https://docs.aws.amazon.com/bedrock/latest/userguide/inference-profiles-prereq.html
 */
export abstract class FlowModel {
  /**
   * A foundation model in the flow's Region, by model id, e.g. `anthropic.claude-3-haiku-20240307-v1:0`.
   * The role gets `bedrock:InvokeModel` on `arn:<partition>:bedrock:<region>::foundation-model/<id>`.
   */
  public static foundationModel(modelId: string): FlowModel {
    if (!Token.isUnresolved(modelId) && crossRegionModelId(modelId)) {
      throw new Error(`'${modelId}' is a cross-Region inference profile id; use FlowModel.crossRegion('${modelId}')`);
    }
    // an unresolved id is rendered as an ARN, so that the flow's role can be derived from the definition alone
    return new ModelById(Token.isUnresolved(modelId)
      ? `arn:${Aws.PARTITION}:bedrock:${Aws.REGION}::foundation-model/${modelId}` : modelId);
  }

  /**
   * A cross-Region (system-defined) inference profile, by id, e.g. `us.anthropic.claude-3-5-sonnet-20240620-v1:0`.
   * The role gets `bedrock:InvokeModel` on the profile in the flow's Region and on the foundation
   * model in every Region the profile may route to.
   */
  public static crossRegion(inferenceProfileId: string): FlowModel {
    if (Token.isUnresolved(inferenceProfileId)) {
      throw new Error('FlowModel.crossRegion() needs a concrete inference profile id; for a token, use FlowModel.fromArn() with the profile ARN');
    }
    if (!crossRegionModelId(inferenceProfileId)) {
      throw new Error(`'${inferenceProfileId}' is not a cross-Region inference profile id (it must start with a geography prefix such as 'us.', 'eu.', 'apac.' or 'global.')`);
    }
    return new ModelById(inferenceProfileId);
  }

  /**
   * An application inference profile, by ARN. The role gets `bedrock:InvokeModel` and
   * `bedrock:GetInferenceProfile` on the profile, and `bedrock:InvokeModel` on `underlyingModelArns`
   * (the models the profile routes to, which the ARN does not reveal).
   */
  public static applicationInferenceProfile(profileArn: string, underlyingModelArns: string[] = []): FlowModel {
    return new ModelById(profileArn, underlyingModelArns, true);
  }

  /**
   * An application inference profile defined in this app. The underlying model is read from the
   * profile's `modelSource.copyFrom`.
   */
  public static fromCfnApplicationInferenceProfile(profile: bedrock.CfnApplicationInferenceProfile): FlowModel {
    const source = profile.modelSource as bedrock.CfnApplicationInferenceProfile.InferenceProfileModelSourceProperty | undefined;
    const copyFrom = source && !Token.isUnresolved(source) ? source.copyFrom : undefined;
    return new ModelById(profile.attrInferenceProfileArn, copyFrom ? [copyFrom] : [], true);
  }

  /**
   * Any Bedrock model ARN: foundation model, inference profile, provisioned or custom model.
   */
  public static fromArn(modelArn: string): FlowModel {
    return new ModelById(modelArn);
  }

  /** The value of the node's `modelId`. */
  public abstract readonly modelId: string;

  /**
   * Permissions beyond what the `modelId` itself tells (the models behind an application inference profile).
   * @internal
   */
  public abstract _extraPermissions(ctx: PermissionContext, reason: string): FlowPermission[];
}

class ModelById extends FlowModel {
  constructor(
    public readonly modelId: string,
    private readonly underlying: string[] = [],
    private readonly applicationProfile = false,
  ) {
    super();
  }

  public _extraPermissions(ctx: PermissionContext, reason: string): FlowPermission[] {
    const permissions = this.underlying.flatMap(m => modelPermissions(m, ctx, reason));
    if (this.applicationProfile && Token.isUnresolved(this.modelId)) {
      // the definition-derived permission of a token ARN has InvokeModel only
      permissions.push({ actions: ['bedrock:GetInferenceProfile'], resources: [this.modelId], reason });
    }
    return permissions;
  }
}
