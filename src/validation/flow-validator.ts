import { FlowValidationOptions, FlowValidationResult } from './types';
import { validateFlowDefinition } from './validate';

/**
 * Validates flow definitions outside a `Flow` (for example a console export), with the same rules
 * a `Flow` applies at synth.
 */
export class FlowValidator {
  /**
   * Checks a plain JSON flow definition (API shape, camelCase: `{ nodes, connections }`).
   * @returns the findings; empty when the definition is valid
   */
  public static validate(definition: any, options?: FlowValidationOptions): FlowValidationResult[] {
    return validateFlowDefinition(definition, options);
  }

  private constructor() {}
}
