import { FlowValidationRule, RuleFinding, ValidationContext } from '../context';
import { nodePorts } from '../node-ports';
import { FlowValidationSeverity } from '../types';

/**
 * MissingNodeInput: a node lacks an input its type requires — Output `document`, KnowledgeBase
 * `retrievalQuery`, Iterator `array`, Collector `arrayItem` and `arraySize`, Storage `content` and
 * `objectKey`, Retrieval `objectKey`, Agent `agentInputText`, Lex `inputText`.
 */
export const missingNodeInput: FlowValidationRule = {
  type: 'MissingNodeInput',
  severity: FlowValidationSeverity.ERROR,
  check(ctx: ValidationContext): RuleFinding[] {
    const findings: RuleFinding[] = [];
    for (const node of ctx.nodes) {
      const ports = nodePorts(node);
      if (!ports || ports.inputs.kind === 'free' || ctx.isUnresolved(node.inputs)) continue;
      const inputs = ctx.inputsOf(node);
      for (const port of ports.inputs.ports) {
        if (port.optional || inputs.has(port.name)) continue;
        findings.push({
          node: node.name,
          port: port.name,
          message: `${node.type} node '${node.name}' has no input '${port.name}': add { name: '${port.name}', type: '${port.type ?? 'String'}', `
            + "expression: '$.data' } to its inputs and connect an output to it",
        });
      }
    }
    return findings;
  },
};
