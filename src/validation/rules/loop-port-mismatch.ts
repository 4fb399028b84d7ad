import { FlowValidationRule, RuleFinding, ValidationContext } from '../context';
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
  check(ctx: ValidationContext): RuleFinding[] {
    const loop = ctx.loopNode;
    if (!loop || !ctx.parent) return [];
    const findings: RuleFinding[] = [];
    const loopInputs = ctx.parent.inputsOf(loop);
    const loopOutputs = ctx.parent.outputsOf(loop);
    const start = ctx.nodesOfType('LoopInput')[0];
    const controller = ctx.nodesOfType('LoopController')[0];

    if (start) {
      const outputs = ctx.outputsOf(start);
      for (const name of outputs.keys()) {
        if (!loopInputs.has(name)) {
          findings.push({
            node: start.name,
            port: name,
            message: `output '${name}' of LoopInput node '${start.name}' is not an input of Loop node '${loop.name}' `
              + `(its inputs: ${quoteList(loopInputs.keys())}): name the LoopInput outputs after the Loop node's inputs`,
          });
        }
      }
      for (const name of loopInputs.keys()) {
        if (!outputs.has(name)) {
          findings.push({
            node: start.name,
            port: name,
            message: `input '${name}' of Loop node '${loop.name}' has no output of the same name on LoopInput node '${start.name}': `
              + `add output '${name}' to it, so that the body can read the value`,
          });
        }
      }
    }
    if (controller) {
      const inputs = ctx.inputsOf(controller);
      const exits = new Set([...inputs.values()].filter(i => i.category === 'ExitLoop').map(i => i.name));
      for (const name of exits) {
        if (!loopOutputs.has(name)) {
          findings.push({
            node: controller.name,
            port: name,
            message: `ExitLoop input '${name}' of LoopController node '${controller.name}' is not an output of Loop node '${loop.name}' `
              + `(its outputs: ${quoteList(loopOutputs.keys())}): add output '${name}' to the Loop node, or rename the input`,
          });
        }
      }
      for (const name of loopOutputs.keys()) {
        if (!exits.has(name)) {
          findings.push({
            node: controller.name,
            port: name,
            message: `output '${name}' of Loop node '${loop.name}' has no ExitLoop input of the same name on LoopController node `
              + `'${controller.name}': add an input '${name}' with category ExitLoop`,
          });
        }
      }
      if (start) {
        const startOutputs = ctx.outputsOf(start);
        for (const input of inputs.values()) {
          if (input.category === 'ReturnValueToLoopStart' && !startOutputs.has(input.name)) {
            findings.push({
              node: controller.name,
              port: input.name,
              message: `ReturnValueToLoopStart input '${input.name}' of LoopController node '${controller.name}' is not an output of `
                + `LoopInput node '${start.name}' (its outputs: ${quoteList(startOutputs.keys())}): name it after the output it feeds`,
            });
          }
        }
      }
      const expression = controller.configuration?.loopController?.continueCondition?.expression;
      if (typeof expression === 'string' && !ctx.isUnresolved(expression)) {
        const parsed = ctx.parseConditionExpression(expression);
        for (const ref of parsed.ok ? parsed.references : []) {
          const input = inputs.get(ref);
          if (input && input.category !== undefined && input.category !== 'LoopCondition') {
            findings.push({
              node: controller.name,
              port: ref,
              message: `the continue condition of LoopController node '${controller.name}' reads input '${ref}', whose category is `
                + `${input.category}: give the condition its own input with category LoopCondition`,
            });
          }
        }
      }
    }
    return findings;
  },
};
