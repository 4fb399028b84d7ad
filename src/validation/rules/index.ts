import { cyclicConnection } from './cyclic-connection';
import { duplicateConditionExpression } from './duplicate-condition-expression';
import { duplicateConnections } from './duplicate-connections';
import { duplicateName } from './duplicate-name';
import { guardrailWithoutModel } from './guardrail-without-model';
import { incompatibleConnectionDataType } from './incompatible-connection-data-type';
import { invalidConfigurationValue } from './invalid-configuration-value';
import { invalidConnectionDirection } from './invalid-connection-direction';
import { invalidConnectionName } from './invalid-connection-name';
import { invalidEnumValue } from './invalid-enum-value';
import { invalidInputCategory } from './invalid-input-category';
import { invalidLoopBoundary } from './invalid-loop-boundary';
import { invalidName } from './invalid-name';
import { invalidNodeConfiguration } from './invalid-node-configuration';
import { limitExceeded } from './limit-exceeded';
import { loopIncompatibleNodeType } from './loop-incompatible-node-type';
import { loopPortMismatch } from './loop-port-mismatch';
import { malformedConditionExpression } from './malformed-condition-expression';
import { malformedDefinition } from './malformed-definition';
import { malformedNodeInputExpression } from './malformed-node-input-expression';
import { mismatchedNodeInputType } from './mismatched-node-input-type';
import { mismatchedNodeOutputType } from './mismatched-node-output-type';
import { missingConnectionConfiguration } from './missing-connection-configuration';
import { missingDefaultCondition } from './missing-default-condition';
import { missingEndingNodes } from './missing-ending-nodes';
import { missingLoopControllerNode } from './missing-loop-controller-node';
import { missingLoopInputNode } from './missing-loop-input-node';
import { missingNodeConfiguration } from './missing-node-configuration';
import { missingNodeInput } from './missing-node-input';
import { missingNodeOutput } from './missing-node-output';
import { missingStartingNodes } from './missing-starting-nodes';
import { multipleLoopControllerNodes } from './multiple-loop-controller-nodes';
import { multipleLoopInputNodes } from './multiple-loop-input-nodes';
import { multipleNodeInputConnections } from './multiple-node-input-connections';
import { templateVariableMismatch } from './template-variable-mismatch';
import { unfulfilledNodeInput } from './unfulfilled-node-input';
import { unknownConnectionCondition } from './unknown-connection-condition';
import { unknownConnectionSource } from './unknown-connection-source';
import { unknownConnectionSourceOutput } from './unknown-connection-source-output';
import { unknownConnectionTarget } from './unknown-connection-target';
import { unknownConnectionTargetInput } from './unknown-connection-target-input';
import { unknownNodeInput } from './unknown-node-input';
import { unknownNodeOutput } from './unknown-node-output';
import { unknownProperty } from './unknown-property';
import { unreachableNode } from './unreachable-node';
import { unresolvedPlaceholder } from './unresolved-placeholder';
import { unsatisfiedConnectionConditions } from './unsatisfied-connection-conditions';
import { unsupportedByCloudFormation } from './unsupported-by-cloud-formation';
import { FlowValidationRule } from '../context';

/**
 * Every rule, in the order findings are reported: schema-level checks (shape, names, enum values,
 * limits, CloudFormation's narrower schema) first, then the service's validation types.
 */
export const RULES: FlowValidationRule[] = [
  // schema-level
  malformedDefinition,
  invalidEnumValue,
  invalidName,
  duplicateName,
  invalidConnectionName,
  limitExceeded,
  invalidNodeConfiguration,
  invalidConfigurationValue,
  unsupportedByCloudFormation,
  unknownProperty,
  invalidConnectionDirection,
  invalidInputCategory,
  templateVariableMismatch,
  guardrailWithoutModel,
  loopPortMismatch,
  unresolvedPlaceholder,
  // service validation types (FlowValidationType)
  missingStartingNodes,
  missingEndingNodes,
  missingNodeConfiguration,
  unknownNodeInput,
  unknownNodeOutput,
  missingNodeInput,
  missingNodeOutput,
  mismatchedNodeInputType,
  mismatchedNodeOutputType,
  malformedNodeInputExpression,
  missingDefaultCondition,
  malformedConditionExpression,
  duplicateConditionExpression,
  missingConnectionConfiguration,
  unknownConnectionSource,
  unknownConnectionTarget,
  unknownConnectionSourceOutput,
  unknownConnectionTargetInput,
  unknownConnectionCondition,
  duplicateConnections,
  multipleNodeInputConnections,
  unfulfilledNodeInput,
  incompatibleConnectionDataType,
  cyclicConnection,
  unreachableNode,
  unsatisfiedConnectionConditions,
  missingLoopInputNode,
  missingLoopControllerNode,
  multipleLoopInputNodes,
  multipleLoopControllerNodes,
  loopIncompatibleNodeType,
  invalidLoopBoundary,
];

/**
 * The service's validation types (`FlowValidationType` of the Bedrock API), except `Unspecified`:
 * each has a rule of that type.
 */
export const SERVICE_VALIDATION_TYPES = [
  'CyclicConnection', 'DuplicateConnections', 'DuplicateConditionExpression', 'UnreachableNode', 'UnknownConnectionSource',
  'UnknownConnectionSourceOutput', 'UnknownConnectionTarget', 'UnknownConnectionTargetInput', 'UnknownConnectionCondition',
  'MalformedConditionExpression', 'MalformedNodeInputExpression', 'MismatchedNodeInputType', 'MismatchedNodeOutputType',
  'IncompatibleConnectionDataType', 'MissingConnectionConfiguration', 'MissingDefaultCondition', 'MissingEndingNodes',
  'MissingNodeConfiguration', 'MissingNodeInput', 'MissingNodeOutput', 'MissingStartingNodes', 'MultipleNodeInputConnections',
  'UnfulfilledNodeInput', 'UnsatisfiedConnectionConditions', 'UnknownNodeInput', 'UnknownNodeOutput', 'MissingLoopInputNode',
  'MissingLoopControllerNode', 'MultipleLoopInputNodes', 'MultipleLoopControllerNodes', 'LoopIncompatibleNodeType', 'InvalidLoopBoundary',
] as const;
