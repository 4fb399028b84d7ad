import * as bedrock from 'aws-cdk-lib/aws-bedrock';
import { GUARDRAIL_IDENTIFIER } from './private/cfn-patterns';
import { isUnresolved } from './private/tokens';

/**
 * A guardrail applied by a Prompt or KnowledgeBase node. The flow's role gets
 * `bedrock:ApplyGuardrail` on the guardrail.
 * @see https://docs.aws.amazon.com/bedrock/latest/userguide/guardrails.html
 */
export class FlowGuardrail {
  /**
   * A guardrail by id or ARN and version.
   * @param guardrailIdentifier the guardrail id (e.g. `abcd1234efgh`) or ARN
   * @param version a version number, or `DRAFT`
   */
  public static fromGuardrailIdentifier(guardrailIdentifier: string, version: string): FlowGuardrail {
    return new FlowGuardrail(guardrailIdentifier, version);
  }

  /**
   * A guardrail defined in this app, at the given version.
   * @param version a version number, or `DRAFT`
   */
  public static fromCfnGuardrail(guardrail: bedrock.CfnGuardrail, version: string): FlowGuardrail {
    return new FlowGuardrail(guardrail.attrGuardrailArn, version);
  }

  /** A guardrail version defined in this app. */
  public static fromCfnGuardrailVersion(version: bedrock.CfnGuardrailVersion): FlowGuardrail {
    return new FlowGuardrail(version.attrGuardrailArn, version.attrVersion);
  }

  private constructor(
    /** The guardrail id or ARN. */
    public readonly guardrailIdentifier: string,
    /** The guardrail version (`DRAFT` or a number). */
    public readonly guardrailVersion: string,
  ) {
    if (!isUnresolved(guardrailVersion) && !/^(([1-9][0-9]{0,7})|(DRAFT))$/.test(guardrailVersion)) {
      throw new Error(`guardrail version '${guardrailVersion}' is not valid: use a version number or 'DRAFT'`);
    }
    if (!isUnresolved(guardrailIdentifier)
      && !GUARDRAIL_IDENTIFIER.test(guardrailIdentifier)) {
      throw new Error(`guardrail identifier '${guardrailIdentifier}' is neither a guardrail id nor a guardrail ARN`);
    }
  }

  /** @internal the node's `guardrailConfiguration` */
  public _render(): any {
    return { guardrailIdentifier: this.guardrailIdentifier, guardrailVersion: this.guardrailVersion };
  }
}
