import { FlowConnectionJson } from '../../definition/schema';
import { ConnectionEntry, FlowValidationRule, Report, ValidationContext } from '../context';
import { connectionLabel } from '../helpers';
import { FlowValidationSeverity } from '../types';

/**
 * InvalidLoopBoundary: connections stay within their definition — no connection between a node
 * of a loop body and a node outside it (values enter a loop through the Loop node's inputs and leave
 * through its outputs), none into a LoopInput node, none out of a LoopController node; and LoopInput
 * and LoopController nodes only exist in loop bodies.
 */
export const invalidLoopBoundary: FlowValidationRule = {
  type: 'InvalidLoopBoundary',
  severity: FlowValidationSeverity.ERROR,
  connection({ connection: c, source, target }: ConnectionEntry, ctx: ValidationContext, report: Report): void {
    if (!source) checkOtherScope(c, 'source', ctx, report);
    if (!target) checkOtherScope(c, 'target', ctx, report);
    if (target?.type === 'LoopInput') {
      report({
        connection: c.name,
        node: c.target,
        message: `${connectionLabel(c)} goes into LoopInput node '${c.target}', which takes no inputs: feed the next iteration through a `
          + 'ReturnValueToLoopStart input of the LoopController instead',
      });
    }
    if (source?.type === 'LoopController') {
      report({
        connection: c.name,
        node: c.source,
        message: `${connectionLabel(c)} leaves LoopController node '${c.source}', which has no outputs: values leave the loop through its `
          + 'ExitLoop inputs, which become outputs of the Loop node',
      });
    }
  },
  scope(ctx: ValidationContext, report: Report): void {
    if (ctx.isLoopBody) return;
    for (const type of ['LoopInput', 'LoopController'] as const) {
      for (const { node } of ctx.nodesOfType(type)) {
        report({
          node: node.name,
          message: `${type} node '${node.name}' is outside any loop: ${type} nodes belong in the body of a Loop node `
            + '(configuration.loop.definition); move it there',
        });
      }
    }
  },
};

/** Reports an end of a connection that is not a node of this scope but is one of another scope. */
function checkOtherScope(c: FlowConnectionJson, end: 'source' | 'target', ctx: ValidationContext, report: Report): void {
  const name = c[end];
  const other = ctx.otherScopeOf(name);
  if (!other) return; // UnknownConnectionSource / UnknownConnectionTarget
  report({
    connection: c.name,
    message: other.where === 'inside'
      ? `${connectionLabel(c)} of ${ctx.scopeLabel} reaches into the body of Loop node '${other.loopNode!.name}': connect to the Loop node's `
        + `${end === 'target' ? 'inputs' : 'outputs'} instead, and wire '${name}' inside the body`
      : `${connectionLabel(c)} of ${ctx.scopeLabel} reaches '${name}' outside the loop: values enter a loop body through its LoopInput node `
        + 'and leave through the LoopController\'s ExitLoop inputs; add a Loop node input or output for it',
  });
}
