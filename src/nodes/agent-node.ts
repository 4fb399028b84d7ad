import { Construct } from 'constructs';
import { FlowNodeProps, NextableFlowNode } from './flow-node';
import { FlowDataType } from '../definition/data-type';
import { FlowOutput } from '../definition/ports';
import { FlowAgentAlias } from '../targets';

/** Properties of an AgentNode. */
export interface AgentNodeProps extends FlowNodeProps {
  /** The agent alias to invoke. */
  readonly agentAlias: FlowAgentAlias;

  /**
   * The text sent to the agent (a String).
   * @default - unbound: `previous.next(node)` connects it
   */
  readonly agentInputText?: FlowOutput;

  /**
   * Prompt session attributes for the agent (an Object).
   * @default - none
   */
  readonly promptAttributes?: FlowOutput;

  /**
   * Session attributes for the agent (an Object).
   * @default - none
   */
  readonly sessionAttributes?: FlowOutput;
}

/**
 * Invokes an agent alias with a text, and returns the agent's response. An agent can ask the caller
 * for more input (multi-turn): the invocation then completes with `INPUT_REQUIRED`.
 * @see https://docs.aws.amazon.com/bedrock/latest/userguide/flows-nodes.html
 */
export class AgentNode extends NextableFlowNode {
  /** The agent's response. */
  public readonly agentResponse: FlowOutput;
  /** The agent alias invoked. */
  public readonly agentAlias: FlowAgentAlias;

  constructor(scope: Construct, id: string, props: AgentNodeProps) {
    super(scope, id, 'Agent', props);
    this.agentAlias = props.agentAlias;
    this.addInput('agentInputText', { fixedType: FlowDataType.STRING, source: props.agentInputText });
    if (props.promptAttributes) this.addInput('promptAttributes', { fixedType: FlowDataType.OBJECT, source: props.promptAttributes });
    if (props.sessionAttributes) this.addInput('sessionAttributes', { fixedType: FlowDataType.OBJECT, source: props.sessionAttributes });
    this.agentResponse = this.addOutput('agentResponse', FlowDataType.STRING);
  }

  protected renderConfiguration(): any {
    return { agent: { agentAliasArn: this.agentAlias.agentAliasArn } };
  }
}
