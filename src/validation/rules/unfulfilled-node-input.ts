import { FlowValidationRule, NodeEntry, Report } from '../context';
import { FlowValidationSeverity } from '../types';

/**
 * UnfulfilledNodeInput: every declared input needs a data connection.
 */
export const unfulfilledNodeInput: FlowValidationRule = {
  type: 'UnfulfilledNodeInput',
  severity: FlowValidationSeverity.ERROR,
  node(entry: NodeEntry, _ctx, report: Report): void {
    if (!entry.isNamed) return;
    for (const { name } of entry.inputs) {
      if (entry.incoming.some(c => c.targetInput === name)) continue;
      report({
        node: entry.name,
        port: name,
        message: `input '${name}' of node '${entry.name}' has no data connection: connect an output to it `
          + '(in the builder: the node\'s `inputs`, or `previous.next(node)`), or remove the input',
      });
    }
  },
};
