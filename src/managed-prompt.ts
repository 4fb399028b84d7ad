import { Token } from 'aws-cdk-lib';
import * as bedrock from 'aws-cdk-lib/aws-bedrock';
import { FlowModel } from './models';
import { crossRegionModelId } from './permissions/models';
import { PROMPT_ARN } from './private/cfn-patterns';

/** Options for a managed prompt. */
export interface ManagedPromptOptions {
  /**
   * The model the prompt invokes, so the flow's role can invoke it (the flow definition names
   * only the prompt).
   * @default - taken from the prompt's first variant when the prompt is a `CfnPrompt` with a
   * concrete model id; otherwise no model permission is added
   */
  readonly model?: FlowModel;
}

/**
 * A prompt from Amazon Bedrock Prompt management, used by a Prompt node. The flow's role gets
 * `bedrock:RenderPrompt` on the prompt and `bedrock:InvokeModel` on its model.
 * @see https://docs.aws.amazon.com/bedrock/latest/userguide/prompt-management.html
 */
export class ManagedPrompt {
  /**
   * A prompt by ARN. A versioned ARN (`...:prompt/PROMPT12345:3`) pins the version, as production flows should.
   */
  public static fromPromptArn(promptArn: string, options: ManagedPromptOptions = {}): ManagedPrompt {
    if (!Token.isUnresolved(promptArn)
      && !PROMPT_ARN.test(promptArn)) {
      throw new Error(`'${promptArn}' is not a prompt ARN (arn:<partition>:bedrock:<region>:<account>:prompt/<id>[:<version>])`);
    }
    return new ManagedPrompt(promptArn, options.model, []);
  }

  /** Any prompt reference (for example a `CfnPrompt` or a prompt from another library). */
  public static fromPromptRef(prompt: bedrock.IPromptRef, options: ManagedPromptOptions = {}): ManagedPrompt {
    return new ManagedPrompt(prompt.promptRef.promptArn, options.model, []);
  }

  /**
   * A prompt defined in this app, at its draft or at a version. The model and the template
   * variables are read from the prompt's first variant when they are known at synth time.
   */
  public static fromCfnPrompt(prompt: bedrock.CfnPrompt, version?: bedrock.CfnPromptVersion, options: ManagedPromptOptions = {}): ManagedPrompt {
    const variant = firstVariant(prompt);
    const modelId = variant?.modelId;
    const model = options.model ?? (typeof modelId === 'string' && !Token.isUnresolved(modelId) ? modelFromId(modelId) : undefined);
    const text = (variant?.templateConfiguration as any)?.text;
    const variables: string[] = Array.isArray(text?.inputVariables)
      ? text.inputVariables.map((v: any) => v?.name).filter((n: unknown) => typeof n === 'string') : [];
    return new ManagedPrompt(version ? version.attrArn : prompt.attrArn, model, variables);
  }

  private constructor(
    /** The prompt ARN. */
    public readonly promptArn: string,
    /** The prompt's model. */
    public readonly model: FlowModel | undefined,
    /** @internal template variable names, when known */
    public readonly _variables: string[],
  ) {}
}

function modelFromId(modelId: string): FlowModel {
  if (modelId.startsWith('arn:')) return FlowModel.fromArn(modelId);
  return crossRegionModelId(modelId) ? FlowModel.crossRegion(modelId) : FlowModel.foundationModel(modelId);
}

function firstVariant(prompt: bedrock.CfnPrompt): bedrock.CfnPrompt.PromptVariantProperty | undefined {
  const variants = prompt.variants;
  if (!Array.isArray(variants) || variants.length === 0) return undefined;
  const v = variants[0];
  return Token.isUnresolved(v) ? undefined : v as bedrock.CfnPrompt.PromptVariantProperty;
}
