import { FlowValidationRule, RuleFinding, ValidationContext } from '../context';
import { isObject } from '../helpers';
import { FlowValidationSeverity } from '../types';

/** The largest `maxTokens` the AWS::Bedrock::Flow schema accepts. */
export const CLOUDFORMATION_MAX_TOKENS = 4096;

/**
 * Schema check: what the Bedrock API accepts but CloudFormation's AWS::Bedrock::Flow does not —
 * inline prompts other than `TEXT` (no `chat` template), `cachePoint`, `additionalModelRequestFields`,
 * and `maxTokens` above 4096.
 */
export const unsupportedByCloudFormation: FlowValidationRule = {
  type: 'UnsupportedByCloudFormation',
  severity: FlowValidationSeverity.ERROR,
  check(ctx: ValidationContext): RuleFinding[] {
    const findings: RuleFinding[] = [];
    const maxTokens = (node: { name: string; type: string }, text: any, where: string) => {
      const value = isObject(text) ? text.maxTokens : undefined;
      if (typeof value === 'number' && !ctx.isUnresolved(value) && value > CLOUDFORMATION_MAX_TOKENS) {
        findings.push({
          node: node.name,
          message: `${node.type} node '${node.name}' sets ${where}.maxTokens to ${value}; CloudFormation accepts at most ${CLOUDFORMATION_MAX_TOKENS}: `
            + `lower it to ${CLOUDFORMATION_MAX_TOKENS} or less`,
        });
      }
    };
    for (const node of ctx.nodes) {
      if (node.type === 'Prompt') {
        const inline = node.configuration?.prompt?.sourceConfiguration?.inline;
        if (!isObject(inline) || ctx.isUnresolved(inline)) continue;
        const managed = 'use a managed prompt (Prompt management) for chat templates, caching or model-specific fields';
        if (inline.templateType === 'CHAT' || isObject(inline.templateConfiguration?.chat)) {
          findings.push({
            node: node.name,
            message: `Prompt node '${node.name}' has an inline CHAT template; CloudFormation supports only TEXT templates: `
              + `write it as templateType 'TEXT' with templateConfiguration.text, or ${managed}`,
          });
        }
        if (isObject(inline.templateConfiguration?.text) && inline.templateConfiguration.text.cachePoint !== undefined) {
          findings.push({ node: node.name, message: `Prompt node '${node.name}' sets templateConfiguration.text.cachePoint, which CloudFormation does not support: remove it, or ${managed}` });
        }
        if (inline.additionalModelRequestFields !== undefined) {
          findings.push({
            node: node.name,
            message: `Prompt node '${node.name}' sets additionalModelRequestFields, which CloudFormation does not support (the CDK L1 drops it): remove it, or ${managed}`,
          });
        }
        maxTokens(node, inline.inferenceConfiguration?.text, 'inferenceConfiguration.text');
      } else if (node.type === 'KnowledgeBase') {
        const kb = node.configuration?.knowledgeBase;
        maxTokens(node, kb?.inferenceConfiguration?.text, 'inferenceConfiguration.text');
        maxTokens(node, kb?.orchestrationConfiguration?.inferenceConfig?.text, 'orchestrationConfiguration.inferenceConfig.text');
      }
    }
    return findings;
  },
};
