import type { FlowNode, IFlowChainable, IFlowNextable } from '../nodes/flow-node';

/**
 * An immutable sequence of flow nodes, built with `next()`.
 *
 * `FlowChain.start(a).next(b).next(c)` connects a's output to b and b's output to c.
 */
export class FlowChain implements IFlowChainable {
  /** Begins a chain at the given node or chain. */
  public static start(chainable: IFlowChainable): FlowChain {
    return new FlowChain(chainable.startNode, chainable.endNodes, chainable);
  }

  /** A chain from `start` that continues at the end of `next` (the two are already connected). */
  public static sequence(start: IFlowChainable, next: IFlowChainable): FlowChain {
    return new FlowChain(start.startNode, next.endNodes, next);
  }

  /** A chain with explicit start and end nodes. */
  public static custom(startNode: FlowNode, endNodes: IFlowNextable[], lastAdded: IFlowChainable): FlowChain {
    return new FlowChain(startNode, endNodes, lastAdded);
  }

  /** The identifier of the last chainable added. */
  public readonly id: string;

  private constructor(
    /** The first node of the chain. */
    public readonly startNode: FlowNode,
    /** The nodes that `next()` continues from. */
    public readonly endNodes: IFlowNextable[],
    private readonly lastAdded: IFlowChainable,
  ) {
    this.id = lastAdded.id;
  }

  /** Connects every end node of this chain to `next`, and returns the longer chain. */
  public next(next: IFlowChainable): FlowChain {
    if (this.endNodes.length === 0) {
      throw new Error(`cannot add '${next.id}' to the chain: its last element '${this.lastAdded.id}' has no output to continue from`);
    }
    for (const end of this.endNodes) {
      end.next(next);
    }
    return new FlowChain(this.startNode, next.endNodes, next);
  }
}
