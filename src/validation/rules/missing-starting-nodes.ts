import { FlowValidationRule, Report, ValidationContext } from '../context';
import { quoteList } from '../helpers';
import { FlowValidationSeverity } from '../types';

/**
 * MissingStartingNodes: the flow needs exactly one Input node, where an invocation starts.
 * (Loop bodies start at their LoopInput node: see MissingLoopInputNode.)
 */
export const missingStartingNodes: FlowValidationRule = {
  type: 'MissingStartingNodes',
  severity: FlowValidationSeverity.ERROR,
  scope(ctx: ValidationContext, report: Report): void {
    if (ctx.isLoopBody) return;
    const inputs = ctx.nodesOfType('Input');
    if (inputs.length === 0) {
      report({ message: 'the flow has no Input node: add one (new InputNode(...)); the flow starts there' });
    } else if (inputs.length > 1) {
      report({
        node: inputs[1].node.name,
        message: `the flow has ${inputs.length} Input nodes (${quoteList(inputs.map(n => n.node.name))}); `
          + 'a flow has exactly one: read several values from the one input document with input expressions instead',
      });
    }
  },
};
