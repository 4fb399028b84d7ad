import { DATA_TYPES } from '../../definition/schema';
import { FlowValidationRule, NodeEntry, Report } from '../context';
import { article, fixedPort } from '../node-ports';
import { FlowValidationSeverity } from '../types';

/**
 * MismatchedNodeOutputType: an output whose type the node type fixes is declared with another type
 * (Prompt `modelCompletion` must be String, Collector `collectedArray` Array, Iterator `arraySize`
 * Number, ...). Where the AWS documentation disagrees on the type, a mismatch is a warning.
 */
export const mismatchedNodeOutputType: FlowValidationRule = {
  type: 'MismatchedNodeOutputType',
  severity: FlowValidationSeverity.ERROR,
  node({ node, ports, outputs }: NodeEntry, _ctx, report: Report): void {
    if (!ports || ports.outputs.kind === 'free') return;
    for (const output of outputs) {
      const port = fixedPort(ports.outputs, output.name);
      if (!port?.type || output.type === port.type || !(DATA_TYPES as readonly string[]).includes(output.type)) continue;
      report({
        node: node.name,
        port: output.name,
        ...(port.typeDisputed ? { severity: FlowValidationSeverity.WARNING } : {}),
        message: `output '${output.name}' of ${node.type} node '${node.name}' is declared ${output.type}, but is always ${article(port.type)}: `
          + `change its type to ${port.type}`,
      });
    }
  },
};
