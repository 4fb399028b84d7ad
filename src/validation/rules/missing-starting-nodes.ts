import { FlowValidationRule, RuleFinding, ValidationContext } from '../context';
import { FlowValidationSeverity } from '../types';

/**
 * MissingStartingNodes: the flow needs exactly one Input node, where an invocation starts.
 * (Loop bodies start at their LoopInput node: see MissingLoopInputNode.)
 */
export const missingStartingNodes: FlowValidationRule = {
  type: 'MissingStartingNodes',
  severity: FlowValidationSeverity.ERROR,
  check(ctx: ValidationContext): RuleFinding[] {
    if (ctx.isLoopBody) return [];
    const inputs = ctx.nodes.filter(n => n.type === 'Input');
    if (inputs.length === 0) {
      return [{ message: 'the flow has no Input node: add one (new InputNode(...)); the flow starts there' }];
    }
    if (inputs.length > 1) {
      return [{
        node: inputs[1].name,
        message: `the flow has ${inputs.length} Input nodes (${inputs.map(n => `'${n.name}'`).join(', ')}); `
          + 'a flow has exactly one: read several values from the one input document with input expressions instead',
      }];
    }
    return [];
  },
};
