import { Construct } from 'constructs';
import { FlowNode, FlowNodeProps, NextableFlowNode } from './flow-node';
import type { IteratorNode } from './iterator-node';
import { FlowDataType } from '../definition/data-type';
import { FlowOutput } from '../definition/ports';

/** Options of a Collector node created with `IteratorNode.collect()`. */
export interface CollectorNodeOptions extends FlowNodeProps {
  /**
   * The per-item value to collect: an output computed from the iterator's `arrayItem`.
   * @default - unbound: `previous.next(collector)` connects it
   */
  readonly arrayItem?: FlowOutput;
}

/** Properties of a CollectorNode. */
export interface CollectorNodeProps extends CollectorNodeOptions {
  /** The Iterator node whose items are collected; its `arraySize` feeds the collector's `arraySize`. */
  readonly iterator: IteratorNode;
}

/**
 * Gathers the per-item values of an Iterator node into one array (`collectedArray`), once the
 * iterator's last item is processed.
 * @see https://docs.aws.amazon.com/bedrock/latest/userguide/flows-nodes.html
 */
export class CollectorNode extends NextableFlowNode {
  /** The collected values. */
  public readonly collectedArray: FlowOutput;
  /** The Iterator node whose items are collected. */
  public readonly iterator: IteratorNode;

  constructor(scope: Construct, id: string, props: CollectorNodeProps) {
    super(scope, id, 'Collector', props);
    this.iterator = props.iterator;
    this.addInput('arrayItem', { source: props.arrayItem });
    this.addInput('arraySize', { fixedType: FlowDataType.NUMBER, source: props.iterator.arraySize });
    this.collectedArray = this.addOutput('collectedArray', FlowDataType.ARRAY);
  }

  protected renderConfiguration(): any {
    return { collector: {} };
  }

  protected validateNode(): string[] {
    const item = this._inputPorts.find(p => p.name === 'arrayItem')?.source;
    if (item && !dependsOn(item.node, this.iterator)) {
      return [`Collector node '${this.nodeName}' collects '${item}', which does not depend on Iterator node '${this.iterator.nodeName}': `
        + `collect a value computed from '${this.iterator.nodeName}.arrayItem'`];
    }
    return [];
  }
}

/** Whether `node` is `upstream` or reads (directly or not) one of its outputs. */
function dependsOn(node: FlowNode, upstream: FlowNode): boolean {
  const seen = new Set<FlowNode>();
  const queue = [node];
  while (queue.length > 0) {
    const n = queue.pop()!;
    if (n === upstream) return true;
    if (seen.has(n)) continue;
    seen.add(n);
    for (const p of n._inputPorts) if (p.source) queue.push(p.source.node);
  }
  return false;
}
