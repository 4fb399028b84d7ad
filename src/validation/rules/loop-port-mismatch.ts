import { FlowValidationRule, NodeEntry, Report, ValidationContext } from '../context';
import { quoteList } from '../helpers';
import { FlowValidationSeverity } from '../types';

/**
 * Schema check: the ports at a loop's boundary line up by name —
 * the LoopInput node's outputs are the Loop node's inputs; the LoopController's ExitLoop inputs are
 * the Loop node's outputs; its ReturnValueToLoopStart inputs are LoopInput outputs (what the next
 * iteration starts with); and its continue condition reads LoopCondition inputs.
 * A warning: the pairing by name is observed in working flows, not documented.
 */
export const loopPortMismatch: FlowValidationRule = {
  type: 'LoopPortMismatch',
  severity: FlowValidationSeverity.WARNING,
  scope(ctx: ValidationContext, report: Report): void {
    const loop = loopEntry(ctx);
    if (!loop) return;
    const start = ctx.nodesOfType('LoopInput')[0];
    const controller = ctx.nodesOfType('LoopController')[0];
    if (start) checkLoopInput(loop, start, report);
    if (controller) checkLoopController(loop, controller, start, ctx, report);
  },
};

/** The entry of the Loop node whose body `ctx` is, in the enclosing scope. */
function loopEntry(ctx: ValidationContext): NodeEntry | undefined {
  if (!ctx.loopNode || !ctx.parent) return undefined;
  for (const loop of ctx.parent.nodesOfType('Loop')) if (loop.node === ctx.loopNode) return loop;
  return undefined;
}

/** The LoopInput node's outputs are the Loop node's inputs. */
function checkLoopInput(loop: NodeEntry, start: NodeEntry, report: Report): void {
  for (const { name } of start.outputs) {
    if (loop.input(name)) continue;
    report({
      node: start.node.name,
      port: name,
      message: `output '${name}' of LoopInput node '${start.node.name}' is not an input of Loop node '${loop.node.name}' `
        + `(its inputs: ${quoteList(names(loop.inputs))}): name the LoopInput outputs after the Loop node's inputs`,
    });
  }
  for (const { name } of loop.inputs) {
    if (start.output(name)) continue;
    report({
      node: start.node.name,
      port: name,
      message: `input '${name}' of Loop node '${loop.node.name}' has no output of the same name on LoopInput node '${start.node.name}': `
        + `add output '${name}' to it, so that the body can read the value`,
    });
  }
}

/**
 * The LoopController's ExitLoop inputs are the Loop node's outputs, its ReturnValueToLoopStart
 * inputs are LoopInput outputs, and its continue condition reads LoopCondition inputs.
 */
function checkLoopController(loop: NodeEntry, controller: NodeEntry, start: NodeEntry | undefined, ctx: ValidationContext, report: Report): void {
  const name = controller.node.name;
  for (const input of controller.inputs) {
    if (input.category !== 'ExitLoop' || loop.output(input.name)) continue;
    report({
      node: name,
      port: input.name,
      message: `ExitLoop input '${input.name}' of LoopController node '${name}' is not an output of Loop node '${loop.node.name}' `
        + `(its outputs: ${quoteList(names(loop.outputs))}): add output '${input.name}' to the Loop node, or rename the input`,
    });
  }
  for (const output of loop.outputs) {
    if (controller.input(output.name)?.category === 'ExitLoop') continue;
    report({
      node: name,
      port: output.name,
      message: `output '${output.name}' of Loop node '${loop.node.name}' has no ExitLoop input of the same name on LoopController node `
        + `'${name}': add an input '${output.name}' with category ExitLoop`,
    });
  }
  if (start) {
    for (const input of controller.inputs) {
      if (input.category !== 'ReturnValueToLoopStart' || start.output(input.name)) continue;
      report({
        node: name,
        port: input.name,
        message: `ReturnValueToLoopStart input '${input.name}' of LoopController node '${name}' is not an output of `
          + `LoopInput node '${start.node.name}' (its outputs: ${quoteList(names(start.outputs))}): name it after the output it feeds`,
      });
    }
  }
  const expression = controller.node.configuration?.loopController?.continueCondition?.expression;
  if (typeof expression !== 'string' || ctx.isUnresolved(expression)) return;
  const parsed = ctx.parseConditionExpression(expression);
  for (const ref of parsed.ok ? parsed.references : []) {
    const input = controller.input(ref);
    if (!input || input.category === undefined || input.category === 'LoopCondition') continue;
    report({
      node: name,
      port: ref,
      message: `the continue condition of LoopController node '${name}' reads input '${ref}', whose category is `
        + `${input.category}: give the condition its own input with category LoopCondition`,
    });
  }
}

/** The names of a node's ports, for messages. */
function names(ports: readonly { readonly name: string }[]): string[] {
  return ports.map(p => p.name);
}
