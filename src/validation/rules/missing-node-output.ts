import { FlowValidationRule, RuleFinding, ValidationContext } from '../context';
import { nodePorts } from '../node-ports';
import { FlowValidationSeverity } from '../types';

/**
 * MissingNodeOutput: a node lacks an output its type has — Input `document`, Prompt
 * `modelCompletion`, KnowledgeBase `retrievalResults` (or `outputText` with modelId), LambdaFunction
 * `functionResponse`, Storage `s3Uri`, Retrieval `s3Content`, Agent `agentResponse`, Lex
 * `predictedIntent`, Iterator `arrayItem` and `arraySize`, Collector `collectedArray`, InlineCode `response`.
 */
export const missingNodeOutput: FlowValidationRule = {
  type: 'MissingNodeOutput',
  severity: FlowValidationSeverity.ERROR,
  check(ctx: ValidationContext): RuleFinding[] {
    const findings: RuleFinding[] = [];
    for (const node of ctx.nodes) {
      const ports = nodePorts(node);
      if (!ports || ports.outputs.kind === 'free' || ctx.isUnresolved(node.outputs)) continue;
      const outputs = ctx.outputsOf(node);
      for (const port of ports.outputs.ports) {
        if (port.optional || outputs.has(port.name)) continue;
        findings.push({
          node: node.name,
          port: port.name,
          message: `${node.type} node '${node.name}' has no output '${port.name}'${ports.outputsReason ? ` (${ports.outputsReason})` : ''}: `
            + `add { name: '${port.name}', type: '${port.type ?? 'String'}' } to its outputs`,
        });
      }
    }
    return findings;
  },
};
