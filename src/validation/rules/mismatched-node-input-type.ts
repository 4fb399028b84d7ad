import { DATA_TYPES } from '../../definition/schema';
import { FlowValidationRule, NodeEntry, Report } from '../context';
import { article, fixedPort } from '../node-ports';
import { FlowValidationSeverity } from '../types';

/**
 * MismatchedNodeInputType: an input whose type the node type fixes is declared with another type
 * (Iterator `array` must be Array, Collector `arraySize` Number, KnowledgeBase `retrievalQuery`
 * String, ...). Where the AWS documentation disagrees on the type, a mismatch is a warning.
 */
export const mismatchedNodeInputType: FlowValidationRule = {
  type: 'MismatchedNodeInputType',
  severity: FlowValidationSeverity.ERROR,
  node({ node, ports, inputs }: NodeEntry, _ctx, report: Report): void {
    if (!ports || ports.inputs.kind === 'free') return;
    for (const input of inputs) {
      const port = fixedPort(ports.inputs, input.name);
      if (!port?.type || input.type === port.type || !(DATA_TYPES as readonly string[]).includes(input.type)) continue;
      report({
        node: node.name,
        port: input.name,
        ...(port.typeDisputed ? { severity: FlowValidationSeverity.WARNING } : {}),
        message: `input '${input.name}' of ${node.type} node '${node.name}' is declared ${input.type}, but takes ${article(port.type)}: `
          + `change its type to ${port.type}, with an expression that selects ${article(port.type)} (for example '$.data.field')`,
      });
    }
  },
};
