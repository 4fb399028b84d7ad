import { Construct } from 'constructs';
import { FlowNodeProps, NextableFlowNode } from './flow-node';
import { FlowDataType } from '../definition/data-type';
import { FlowOutput } from '../definition/ports';

/** Properties of an InputNode. */
export interface InputNodeProps extends FlowNodeProps {
  /**
   * The type of the document the flow is invoked with (`InvokeFlow` `inputs[0].content.document`).
   * @default FlowDataType.OBJECT
   */
  readonly type?: FlowDataType;
}

/**
 * The flow's input: where an invocation starts. A flow has exactly one.
 * @see https://docs.aws.amazon.com/bedrock/latest/userguide/flows-nodes.html
 */
export class InputNode extends NextableFlowNode {
  /** The document the flow was invoked with. */
  public readonly document: FlowOutput;

  constructor(scope: Construct, id: string, props: InputNodeProps = {}) {
    super(scope, id, 'Input', props);
    this.document = this.addOutput('document', props.type ?? FlowDataType.OBJECT);
  }

  protected renderConfiguration(): any {
    return { input: {} };
  }
}
