import { Construct } from 'constructs';
import { FlowNodeProps, NextableFlowNode } from './flow-node';
import { FlowDataType } from '../definition/data-type';
import { FlowOutput } from '../definition/ports';
import { isUnresolved } from '../private/tokens';

const BOT_ALIAS_ARN = /^arn:aws(-[^:]+)?:lex:[a-z0-9-]+:[0-9]{12}:bot-alias\/[0-9a-zA-Z]+\/[0-9a-zA-Z]+$/;

/** Properties of a LexNode. */
export interface LexNodeProps extends FlowNodeProps {
  /**
   * The ARN of the Lex V2 bot alias (`arn:<partition>:lex:<region>:<account>:bot-alias/<botId>/<aliasId>`,
   * at most 78 characters), for example `CfnBotAlias.attrArn`.
   */
  readonly botAliasArn: string;

  /** The bot locale, for example `en_US` (1–10 characters). */
  readonly localeId: string;

  /**
   * The utterance (a String).
   * @default - unbound: `previous.next(node)` connects it
   */
  readonly inputText?: FlowOutput;

  /**
   * Request attributes for the bot (an Object).
   * @default - none
   */
  readonly requestAttributes?: FlowOutput;

  /**
   * Session attributes for the bot (an Object).
   * @default - none
   */
  readonly sessionAttributes?: FlowOutput;
}

/**
 * Sends one utterance to an Amazon Lex V2 bot alias and returns the intent it recognizes. The flow's
 * role gets `lex:RecognizeUtterance` on the alias.
 * @see https://docs.aws.amazon.com/bedrock/latest/userguide/flows-nodes.html
 */
export class LexNode extends NextableFlowNode {
  /** The intent the bot recognized. */
  public readonly predictedIntent: FlowOutput;
  /** The bot alias ARN. */
  public readonly botAliasArn: string;
  /** The bot locale. */
  public readonly localeId: string;

  constructor(scope: Construct, id: string, props: LexNodeProps) {
    super(scope, id, 'Lex', props);
    const where = `Lex node '${this.nodeName}'`;
    if (!isUnresolved(props.botAliasArn) && (!BOT_ALIAS_ARN.test(props.botAliasArn) || props.botAliasArn.length > 78)) {
      throw new Error(`${where}: '${props.botAliasArn}' is not a Lex bot alias ARN `
        + '(arn:<partition>:lex:<region>:<account>:bot-alias/<botId>/<aliasId>, at most 78 characters)');
    }
    if (!isUnresolved(props.localeId) && (props.localeId.length < 1 || props.localeId.length > 10)) {
      throw new Error(`${where}: the localeId must be 1–10 characters (e.g. 'en_US'), got '${props.localeId}'`);
    }
    this.botAliasArn = props.botAliasArn;
    this.localeId = props.localeId;
    this.addInput('inputText', { fixedType: FlowDataType.STRING, source: props.inputText });
    if (props.requestAttributes) this.addInput('requestAttributes', { fixedType: FlowDataType.OBJECT, source: props.requestAttributes });
    if (props.sessionAttributes) this.addInput('sessionAttributes', { fixedType: FlowDataType.OBJECT, source: props.sessionAttributes });
    this.predictedIntent = this.addOutput('predictedIntent', FlowDataType.STRING);
  }

  protected renderConfiguration(): any {
    return { lex: { botAliasArn: this.botAliasArn, localeId: this.localeId } };
  }
}
