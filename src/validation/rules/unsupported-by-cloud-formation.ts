import { FlowNodeJson } from '../../definition/schema';
import { FlowValidationRule, NodeEntry, Report, ValidationContext } from '../context';
import { isObject } from '../helpers';
import { FlowValidationSeverity } from '../types';

/** The largest `maxTokens` the AWS::Bedrock::Flow schema accepts. */
export const CLOUDFORMATION_MAX_TOKENS = 4096;

const MANAGED = 'use a managed prompt (Prompt management) for chat templates, caching or model-specific fields';

/**
 * Schema check: what the Bedrock API accepts but CloudFormation's AWS::Bedrock::Flow does not —
 * inline prompts other than `TEXT` (no `chat` template), `cachePoint`, `additionalModelRequestFields`,
 * and `maxTokens` above 4096.
 */
export const unsupportedByCloudFormation: FlowValidationRule = {
  type: 'UnsupportedByCloudFormation',
  severity: FlowValidationSeverity.ERROR,
  node({ node, type }: NodeEntry, ctx: ValidationContext, report: Report): void {
    if (type === 'Prompt') {
      const inline = node.configuration?.prompt?.sourceConfiguration?.inline;
      if (!isObject(inline) || ctx.isUnresolved(inline)) return;
      if (inline.templateType === 'CHAT' || isObject(inline.templateConfiguration?.chat)) {
        report({
          node: node.name,
          message: `Prompt node '${node.name}' has an inline CHAT template; CloudFormation supports only TEXT templates: `
            + `write it as templateType 'TEXT' with templateConfiguration.text, or ${MANAGED}`,
        });
      }
      if (isObject(inline.templateConfiguration?.text) && inline.templateConfiguration.text.cachePoint !== undefined) {
        report({ node: node.name, message: `Prompt node '${node.name}' sets templateConfiguration.text.cachePoint, which CloudFormation does not support: remove it, or ${MANAGED}` });
      }
      if (inline.additionalModelRequestFields !== undefined) {
        report({
          node: node.name,
          message: `Prompt node '${node.name}' sets additionalModelRequestFields, which CloudFormation does not support (the CDK L1 drops it): remove it, or ${MANAGED}`,
        });
      }
      checkMaxTokens(node, inline.inferenceConfiguration?.text, 'inferenceConfiguration.text', ctx, report);
    } else if (type === 'KnowledgeBase') {
      const kb = node.configuration?.knowledgeBase;
      checkMaxTokens(node, kb?.inferenceConfiguration?.text, 'inferenceConfiguration.text', ctx, report);
      checkMaxTokens(node, kb?.orchestrationConfiguration?.inferenceConfig?.text, 'orchestrationConfiguration.inferenceConfig.text', ctx, report);
    }
  },
};

/** Reports a text inference configuration whose `maxTokens` CloudFormation rejects. */
function checkMaxTokens(node: FlowNodeJson, text: unknown, where: string, ctx: ValidationContext, report: Report): void {
  const value = isObject(text) ? text.maxTokens : undefined;
  if (typeof value === 'number' && !ctx.isUnresolved(value) && value > CLOUDFORMATION_MAX_TOKENS) {
    report({
      node: node.name,
      message: `${node.type} node '${node.name}' sets ${where}.maxTokens to ${value}; CloudFormation accepts at most ${CLOUDFORMATION_MAX_TOKENS}: `
        + `lower it to ${CLOUDFORMATION_MAX_TOKENS} or less`,
    });
  }
}
