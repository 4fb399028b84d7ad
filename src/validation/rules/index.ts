import { cyclicConnection } from './cyclic-connection';
import { invalidConnectionName } from './invalid-connection-name';
import { invalidName } from './invalid-name';
import { limitExceeded } from './limit-exceeded';
import { malformedConditionExpression } from './malformed-condition-expression';
import { missingDefaultCondition } from './missing-default-condition';
import { missingEndingNodes } from './missing-ending-nodes';
import { missingStartingNodes } from './missing-starting-nodes';
import { multipleNodeInputConnections } from './multiple-node-input-connections';
import { templateVariableMismatch } from './template-variable-mismatch';
import { unfulfilledNodeInput } from './unfulfilled-node-input';
import { unknownConnectionSource } from './unknown-connection-source';
import { unknownConnectionTarget } from './unknown-connection-target';
import { unreachableNode } from './unreachable-node';
import { FlowValidationRule } from '../context';

/** Every rule, in the order findings are reported. */
export const RULES: FlowValidationRule[] = [
  // schema-level
  invalidName,
  invalidConnectionName,
  limitExceeded,
  templateVariableMismatch,
  // service validation types
  missingStartingNodes,
  missingEndingNodes,
  unknownConnectionSource,
  unknownConnectionTarget,
  multipleNodeInputConnections,
  unfulfilledNodeInput,
  missingDefaultCondition,
  malformedConditionExpression,
  cyclicConnection,
  unreachableNode,
];
