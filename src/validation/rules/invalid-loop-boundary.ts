import { FlowValidationRule, RuleFinding, ValidationContext } from '../context';
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
  check(ctx: ValidationContext): RuleFinding[] {
    const findings: RuleFinding[] = [];
    for (const c of ctx.connections) {
      const what = `connection '${c.name}' (${c.source} → ${c.target})`;
      for (const end of ['source', 'target'] as const) {
        const name = c[end];
        if (ctx.nodeByName.has(name)) continue;
        const other = ctx.otherScopeOf(name);
        if (!other) continue; // UnknownConnectionSource / UnknownConnectionTarget
        findings.push({
          connection: c.name,
          message: other.where === 'inside'
            ? `${what} of ${ctx.scopeLabel} reaches into the body of Loop node '${other.loopNode!.name}': connect to the Loop node's `
              + `${end === 'target' ? 'inputs' : 'outputs'} instead, and wire '${name}' inside the body`
            : `${what} of ${ctx.scopeLabel} reaches '${name}' outside the loop: values enter a loop body through its LoopInput node `
              + 'and leave through the LoopController\'s ExitLoop inputs; add a Loop node input or output for it',
        });
      }
      const source = ctx.nodeByName.get(c.source);
      const target = ctx.nodeByName.get(c.target);
      if (target?.type === 'LoopInput') {
        findings.push({
          connection: c.name,
          node: c.target,
          message: `${what} goes into LoopInput node '${c.target}', which takes no inputs: feed the next iteration through a `
            + 'ReturnValueToLoopStart input of the LoopController instead',
        });
      }
      if (source?.type === 'LoopController') {
        findings.push({
          connection: c.name,
          node: c.source,
          message: `${what} leaves LoopController node '${c.source}', which has no outputs: values leave the loop through its `
            + 'ExitLoop inputs, which become outputs of the Loop node',
        });
      }
    }
    if (!ctx.isLoopBody) {
      for (const type of ['LoopInput', 'LoopController']) {
        for (const node of ctx.nodesOfType(type)) {
          findings.push({
            node: node.name,
            message: `${type} node '${node.name}' is outside any loop: ${type} nodes belong in the body of a Loop node `
              + '(configuration.loop.definition); move it there',
          });
        }
      }
    }
    return findings;
  },
};
