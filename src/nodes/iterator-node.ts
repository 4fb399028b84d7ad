import { Construct } from 'constructs';
import { CollectorNode, CollectorNodeOptions } from './collector-node';
import { FlowNodeProps, NextableFlowNode } from './flow-node';
import { FlowDataType } from '../definition/data-type';
import { FlowOutput } from '../definition/ports';

/** Properties of an IteratorNode. */
export interface IteratorNodeProps extends FlowNodeProps {
  /**
   * The array to iterate over (an Array).
   * @default - unbound: `previous.next(node)` connects it
   */
  readonly array?: FlowOutput;

  /**
   * The type of the array's items (the node's `arrayItem` output).
   * @default FlowDataType.OBJECT
   */
  readonly itemType?: FlowDataType;
}

/**
 * Runs the nodes after it once per item of an array, one item at a time. Without a Collector
 * each item reaches the flow's outputs on its own; `collect()` gathers the results into an array.
 * @see https://docs.aws.amazon.com/bedrock/latest/userguide/flows-nodes.html
 */
export class IteratorNode extends NextableFlowNode {
  /** The current item; `next()` connects this output. */
  public readonly arrayItem: FlowOutput;
  /** The number of items. */
  public readonly arraySize: FlowOutput;

  constructor(scope: Construct, id: string, props: IteratorNodeProps = {}) {
    super(scope, id, 'Iterator', props);
    this.addInput('array', { fixedType: FlowDataType.ARRAY, source: props.array });
    this.arrayItem = this.addOutput('arrayItem', props.itemType ?? FlowDataType.OBJECT);
    this.arraySize = this.addOutput('arraySize', FlowDataType.NUMBER);
  }

  /**
   * Creates a Collector node that gathers the per-item results of this iteration into an array:
   * its `arraySize` is this node's `arraySize`, and its `arrayItem` is `options.arrayItem` (or the
   * output that `previous.next(collector)` connects).
   * @param scope the scope of the Collector node
   * @param id the construct id (and default node name) of the Collector node
   */
  public collect(scope: Construct, id: string, options: CollectorNodeOptions = {}): CollectorNode {
    return new CollectorNode(scope, id, { ...options, iterator: this });
  }

  protected renderConfiguration(): any {
    return { iterator: {} };
  }
}
