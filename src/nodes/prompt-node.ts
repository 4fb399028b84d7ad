import { Construct } from 'constructs';
import { FlowNodeProps, NextableFlowNode } from './flow-node';
import { checkInferenceConfiguration } from './private/inference';
import { FlowDataType } from '../definition/data-type';
import { FlowOutput } from '../definition/ports';
import { templateVariables } from '../definition/template';
import { FlowGuardrail } from '../guardrail';
import { ManagedPrompt } from '../managed-prompt';
import { FlowModel } from '../models';
import { modelPermissions } from '../permissions/models';
import { FlowPermission, PermissionContext } from '../permissions/types';
import { NODE_NAME_PATTERN, NODE_NAME_RULE } from '../private/names';
import { isUnresolved } from '../private/tokens';

/**
 * Inference parameters of an inline prompt, within what CloudFormation accepts.
 */
export interface PromptInferenceConfiguration {
  /**
   * Randomness of the response, 0–1.
   * @default - the model's default
   */
  readonly temperature?: number;
  /**
   * Nucleus sampling, 0–1.
   * @default - the model's default
   */
  readonly topP?: number;
  /**
   * The maximum number of tokens to generate, 0–4096 (the CloudFormation limit).
   * @default - the model's default
   */
  readonly maxTokens?: number;
  /**
   * Up to 4 sequences that stop generation.
   * @default - none
   */
  readonly stopSequences?: string[];
}

/** Properties of a PromptNode. */
export interface PromptNodeProps extends FlowNodeProps {
  /**
   * An inline text template; `{{name}}` marks a variable, filled from the input of the same name.
   * Give either `template` (with `model`) or `prompt`.
   * @default - no inline template: `prompt` must be given
   */
  readonly template?: string;

  /**
   * The model of the inline template.
   * @default - no inline template: `prompt` must be given
   */
  readonly model?: FlowModel;

  /**
   * A prompt from Prompt management, instead of an inline template.
   * @default - no managed prompt: `template` and `model` must be given
   */
  readonly prompt?: ManagedPrompt;

  /**
   * The values of the template variables, by variable name. Variables left out here become
   * unbound inputs that `previous.next(node)` can connect (when there is exactly one).
   * @default - all variables unbound
   */
  readonly inputs?: { [name: string]: FlowOutput };

  /**
   * Inference parameters of the inline template.
   * @default - the model's defaults
   */
  readonly inferenceConfiguration?: PromptInferenceConfiguration;

  /**
   * A guardrail applied to the prompt and the completion.
   * @default - no guardrail
   */
  readonly guardrail?: FlowGuardrail;
}

/**
 * Runs a prompt against a model: an inline template, or a prompt from Prompt management.
 * @see https://docs.aws.amazon.com/bedrock/latest/userguide/flows-nodes.html
 */
export class PromptNode extends NextableFlowNode {
  /** The model's response. */
  public readonly modelCompletion: FlowOutput;
  /** The template variables of the inline template, in order of first use. */
  public readonly variables: string[];

  private readonly props: PromptNodeProps;

  constructor(scope: Construct, id: string, props: PromptNodeProps) {
    super(scope, id, 'Prompt', props);
    this.props = props;
    const where = `Prompt node '${this.nodeName}'`;
    if (props.prompt && (props.template !== undefined || props.model || props.inferenceConfiguration)) {
      throw new Error(`${where}: give either \`prompt\` (a managed prompt) or \`template\` with \`model\` and \`inferenceConfiguration\`, not both`);
    }
    if (!props.prompt && (props.template === undefined || !props.model)) {
      throw new Error(`${where}: an inline prompt needs both \`template\` and \`model\` (or give a managed \`prompt\`)`);
    }
    if (props.template !== undefined && !isUnresolved(props.template) && props.template.length === 0) {
      throw new Error(`${where}: the template is empty`);
    }
    checkInferenceConfiguration(where, props.inferenceConfiguration);

    this.variables = props.template !== undefined && !isUnresolved(props.template)
      ? templateVariables(props.template)
      : props.prompt?._variables ?? [];
    for (const v of this.variables) {
      if (!NODE_NAME_PATTERN.test(v)) {
        throw new Error(`${where}: template variable '{{${v}}}' cannot be a node input name (${NODE_NAME_RULE}); rename the variable`);
      }
    }
    const given = Object.keys(props.inputs ?? {});
    if (this.variables.length > 0 || props.template !== undefined) {
      const extra = given.filter(n => !this.variables.includes(n));
      // a template without variables still needs one input to be triggered: that one is allowed
      if (extra.length > 0 && !(this.variables.length === 0 && given.length === 1)) {
        throw new Error(`${where}: input${extra.length > 1 ? 's' : ''} ${extra.map(e => `'${e}'`).join(', ')} `
          + `${extra.length > 1 ? 'are' : 'is'} not a variable of the template (variables: ${this.variables.map(v => `{{${v}}}`).join(', ') || 'none'}); `
          + 'add the variable to the template or remove the input');
      }
      for (const v of this.variables) this.addInput(v, { source: props.inputs?.[v] });
      for (const name of extra) this.addInput(name, { source: props.inputs![name] });
    } else {
      this.addInputs(props.inputs);
    }
    this.modelCompletion = this.addOutput('modelCompletion', FlowDataType.STRING);
  }

  /** @internal a managed prompt whose variables are unknown takes an input named after the source */
  public _acceptsImplicitInput(): boolean {
    return this.props.prompt !== undefined && this.variables.length === 0;
  }

  /** @internal */
  public _extraPermissions(ctx: PermissionContext): FlowPermission[] {
    const model = this.props.prompt?.model ?? this.props.model;
    if (!model) return [];
    const reason = `Prompt node '${this.nodeName}' invokes its model`;
    // the inline model is also in the definition; the managed prompt's model is not
    return this.props.prompt?.model
      ? [...modelPermissions(model.modelId, ctx, reason), ...model._extraPermissions(ctx, reason)]
      : model._extraPermissions(ctx, reason);
  }

  protected renderConfiguration(): any {
    const p = this.props;
    const sourceConfiguration = p.prompt
      ? { resource: { promptArn: p.prompt.promptArn } }
      : {
        inline: {
          templateType: 'TEXT',
          templateConfiguration: {
            text: {
              text: p.template,
              ...(this.variables.length > 0 ? { inputVariables: this.variables.map(name => ({ name })) } : {}),
            },
          },
          modelId: p.model!.modelId,
          ...(p.inferenceConfiguration ? { inferenceConfiguration: { text: { ...p.inferenceConfiguration } } } : {}),
        },
      };
    return {
      prompt: {
        sourceConfiguration,
        ...(p.guardrail ? { guardrailConfiguration: p.guardrail._render() } : {}),
      },
    };
  }
}
