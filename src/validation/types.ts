/** How serious a finding is, as the service reports it. */
export enum FlowValidationSeverity {
  /** The service rejects the definition. */
  ERROR = 'Error',
  /** The definition deploys, but likely does not do what was meant (or the service behaviour is uncertain). */
  WARNING = 'Warning',
}

/** One problem found in a flow definition. */
export interface FlowValidationResult {
  /** The service's validation type (e.g. `CyclicConnection`), or the schema check's name. */
  readonly type: string;
  /** Error or warning. */
  readonly severity: FlowValidationSeverity;
  /** What is wrong, where, and how to fix it. */
  readonly message: string;
  /**
   * The node concerned.
   * @default - the finding is not about one node
   */
  readonly node?: string;
  /**
   * The connection concerned.
   * @default - the finding is not about one connection
   */
  readonly connection?: string;
  /**
   * The input or output of `node` concerned.
   * @default - the finding is not about one input or output
   */
  readonly port?: string;
  /**
   * The Loop node whose body the finding is in.
   * @default - the top-level definition
   */
  readonly loopNode?: string;
}

/** Options of `validateFlowDefinition`. */
export interface FlowValidationOptions {
  /**
   * Check the service's size limits (40 nodes, 20 connections, 20 inputs, 5 outputs, 5 conditions, ...).
   * @default true
   */
  readonly checkLimits?: boolean;

  /**
   * Accept `${Name}` placeholders left in the definition (for example in a file that is deployed
   * with CloudFormation `DefinitionSubstitutions`). When false, each one is reported as an
   * `UnresolvedPlaceholder` error. CDK tokens are never reported.
   * @default false
   */
  readonly allowPlaceholders?: boolean;
}
