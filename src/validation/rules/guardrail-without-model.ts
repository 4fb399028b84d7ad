import { FlowValidationRule, NodeEntry, Report, ValidationContext } from '../context';
import { isObject } from '../helpers';
import { FlowValidationSeverity } from '../types';

/**
 * Schema check: a guardrail on a KnowledgeBase node applies only to generated responses, so the
 * node needs `modelId` (RetrieveAndGenerate); without it, the guardrail would be ignored.
 */
export const guardrailWithoutModel: FlowValidationRule = {
  type: 'GuardrailWithoutModel',
  severity: FlowValidationSeverity.ERROR,
  node({ node, type }: NodeEntry, ctx: ValidationContext, report: Report): void {
    if (type !== 'KnowledgeBase') return;
    const kb = node.configuration?.knowledgeBase;
    if (!isObject(kb) || kb.guardrailConfiguration === undefined || kb.guardrailConfiguration === null) return;
    if ((kb.modelId !== undefined && kb.modelId !== '') || ctx.isUnresolved(kb.modelId)) return;
    report({
      node: node.name,
      message: `KnowledgeBase node '${node.name}' has a guardrail but no modelId; guardrails apply only when the node generates a response: `
        + "set modelId (the node's output becomes 'outputText'), or remove the guardrail",
    });
  },
};
