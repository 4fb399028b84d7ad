import { Construct } from 'constructs';
import { FlowNode, FlowNodeProps, IFlowNextable } from './flow-node';
import { FlowOutput } from '../definition/ports';

/** Properties of an OutputNode. */
export interface OutputNodeProps extends FlowNodeProps {
  /**
   * The value this node returns from the flow (one `flowOutputEvent` per output node reached).
   * @default - unbound: connect it with `previous.next(outputNode)`
   */
  readonly document?: FlowOutput;
}

/**
 * A flow output. A flow may have several, one per branch; each produces its own output event.
 * @see https://docs.aws.amazon.com/bedrock/latest/userguide/flows-nodes.html
 */
export class OutputNode extends FlowNode {
  /** An output node ends its branch: nothing can follow it. */
  public readonly endNodes: IFlowNextable[] = [];

  constructor(scope: Construct, id: string, props: OutputNodeProps = {}) {
    super(scope, id, 'Output', props);
    this.addInput('document', { source: props.document });
  }

  protected renderConfiguration(): any {
    return { output: {} };
  }
}
