import type { FlowExecutionChainItem } from './types';

/** Where a simulation error happened. */
export interface FlowSimulationErrorOptions {
  /** The node that failed. */
  readonly nodeName?: string;
  /** Its type. */
  readonly nodeType?: string;
  /** The Iterator items and Loop iterations it ran in. */
  readonly executionChain?: FlowExecutionChainItem[];
  /** The underlying error (for example what a handler threw). */
  readonly cause?: unknown;
}

/**
 * Why a simulation could not run or failed: an invalid definition, a missing handler, a value of
 * the wrong type, a handler that threw, ... The message names the node and port and says how to fix it.
 */
export class FlowSimulationError extends Error {
  /** The node that failed, if the error is about one node. */
  public readonly nodeName?: string;
  /** Its type. */
  public readonly nodeType?: string;
  /** The Iterator items and Loop iterations the node ran in (empty at the top level). */
  public readonly executionChain: FlowExecutionChainItem[];

  constructor(message: string, options: FlowSimulationErrorOptions = {}) {
    super(message + describeChain(options.executionChain), options.cause !== undefined ? { cause: options.cause } : undefined);
    this.name = 'FlowSimulationError';
    this.nodeName = options.nodeName;
    this.nodeType = options.nodeType;
    this.executionChain = options.executionChain ?? [];
  }
}

function describeChain(chain: FlowExecutionChainItem[] | undefined): string {
  if (!chain || chain.length === 0) return '';
  const parts = chain.map(c => c.type === 'Iterator' ? `item ${c.index} of Iterator '${c.nodeName}'` : `iteration ${c.index} of Loop '${c.nodeName}'`);
  return ` (in ${parts.reverse().join(', in ')})`;
}
