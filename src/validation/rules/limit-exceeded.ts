import { FlowNodeJson } from '../../definition/schema';
import { FlowValidationRule, NodeEntry, Report, ValidationContext } from '../context';
import { FlowValidationSeverity } from '../types';

/** The service's size limits (flows-spec §1.1). */
export const LIMITS = {
  nodes: 40,
  /** the API model's limit; CloudFormation allows 100 */
  connectionsApi: 20,
  connectionsCloudFormation: 100,
  inputsPerNode: 20,
  outputsPerNode: 5,
  conditionsPerNode: 5,
  inlineCodeNodes: 5,
  /** per the user guide; the API model allows 20 */
  inlineCodeInputs: 5,
};

/**
 * Schema check: the size limits of a definition — 40 nodes, 100 connections (more than 20 is a
 * warning: the API model's limit, which CloudFormation does not apply), 20 inputs and 5 outputs per
 * node, 1–5 conditions per Condition node, 5 InlineCode nodes per flow (loop bodies included), and 5
 * inputs per InlineCode node (a warning: the user guide's limit; the API model allows 20).
 */
export const limitExceeded: FlowValidationRule = {
  type: 'LimitExceeded',
  severity: FlowValidationSeverity.ERROR,
  isLimit: true,
  node({ node, type }: NodeEntry, _ctx: ValidationContext, report: Report): void {
    const inputs = Array.isArray(node.inputs) ? node.inputs.length : 0;
    const outputs = Array.isArray(node.outputs) ? node.outputs.length : 0;
    if (inputs > LIMITS.inputsPerNode) {
      report({
        node: node.name,
        message: `node '${node.name}' has ${inputs} inputs; at most ${LIMITS.inputsPerNode} are allowed: `
          + 'pass one Object input and select its fields in the node instead',
      });
    }
    if (outputs > LIMITS.outputsPerNode) {
      report({ node: node.name, message: `node '${node.name}' has ${outputs} outputs; at most ${LIMITS.outputsPerNode} are allowed: remove the extra ones` });
    }
    if (type === 'InlineCode' && inputs > LIMITS.inlineCodeInputs && inputs <= LIMITS.inputsPerNode) {
      report({
        node: node.name,
        severity: FlowValidationSeverity.WARNING,
        message: `InlineCode node '${node.name}' has ${inputs} inputs; the user guide allows ${LIMITS.inlineCodeInputs} per InlineCode node: `
          + 'pass an Object input and read its fields in the code instead',
      });
    }
    if (type === 'Condition') {
      const conditions = node.configuration?.condition?.conditions;
      const n = Array.isArray(conditions) ? conditions.length : undefined; // not a list: MissingNodeConfiguration
      if (n !== undefined && (n < 1 || n > LIMITS.conditionsPerNode)) {
        report({
          node: node.name,
          message: `Condition node '${node.name}' has ${n} conditions; it needs 1 to ${LIMITS.conditionsPerNode}, 'default' included: `
            + 'combine conditions with and/or, or chain Condition nodes',
        });
      }
    }
  },
  scope(ctx: ValidationContext, report: Report): void {
    if (ctx.nodeCount > LIMITS.nodes) {
      report({ message: `${ctx.scopeLabel} has ${ctx.nodeCount} nodes; the service allows at most ${LIMITS.nodes}: split it into several flows` });
    }
    if (ctx.connectionCount > LIMITS.connectionsCloudFormation) {
      report({
        message: `${ctx.scopeLabel} has ${ctx.connectionCount} connections; CloudFormation allows at most ${LIMITS.connectionsCloudFormation}: `
          + 'split the flow, or feed several inputs from one Object with input expressions',
      });
    } else if (ctx.connectionCount > LIMITS.connectionsApi) {
      report({
        severity: FlowValidationSeverity.WARNING,
        message: `${ctx.scopeLabel} has ${ctx.connectionCount} connections; the Bedrock API model documents at most ${LIMITS.connectionsApi} `
          + `(CloudFormation accepts ${LIMITS.connectionsCloudFormation}): check that the flow prepares`,
      });
    }
    const inlineCode = ctx.isLoopBody ? 0 : countInlineCode(ctx.definition.nodes, new Set());
    if (inlineCode > LIMITS.inlineCodeNodes) {
      report({ message: `the flow has ${inlineCode} InlineCode nodes; at most ${LIMITS.inlineCodeNodes} are allowed per flow: use a LambdaFunction node for the rest` });
    }
  },
};

/** The InlineCode nodes of a flow, loop bodies included (each body is read once). */
function countInlineCode(nodes: unknown, seen: Set<unknown>): number {
  if (!Array.isArray(nodes) || seen.has(nodes)) return 0;
  seen.add(nodes);
  let count = 0;
  for (const node of nodes as FlowNodeJson[]) {
    if (node?.type === 'InlineCode') count++;
    if (node?.type === 'Loop') count += countInlineCode(node.configuration?.loop?.definition?.nodes, seen);
  }
  return count;
}
