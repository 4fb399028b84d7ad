import { FlowNodeJson } from '../../definition/schema';
import { AGENT_ALIAS_ARN, BUCKET_NAME, GUARDRAIL_IDENTIFIER, KNOWLEDGE_BASE_ID, PROMPT_ARN } from '../../private/cfn-patterns';
import { isUnresolved } from '../../private/tokens';
import { FlowValidationRule, NodeEntry, Report, ValidationContext } from '../context';
import { isObject, show } from '../helpers';
import { FlowValidationSeverity } from '../types';

/*
 * Patterns and ranges of the AWS::Bedrock::Flow CloudFormation schema (stricter than the API in a
 * few places, e.g. 10-character prompt ids), which a deployment is checked against.
 */
const MODEL_ID = /^(arn:aws(-[^:]{1,12})?:(bedrock|sagemaker):[a-z0-9-]{1,20}:([0-9]{12})?:([a-z-]+\/)?)?([a-zA-Z0-9.-]{1,63}){0,2}(([:][a-z0-9-]{1,63}){0,2})?(\/[a-z0-9]{1,12})?$/;
const GUARDRAIL_VERSION = /^(([0-9]{1,8})|(DRAFT))$/;
const LAMBDA_ARN = /^arn:(aws[a-zA-Z-]*)?:lambda:[a-z]{2}(-gov)?-[a-z]+-\d{1}:\d{12}:function:[a-zA-Z0-9-_.]+(:(\$LATEST|[a-zA-Z0-9-_]+))?$/;
const LEX_BOT_ALIAS_ARN = /^arn:aws(|-us-gov):lex:[a-z]{2}(-gov)?-[a-z]+-\d{1}:\d{12}:bot-alias\/[0-9a-zA-Z]+\/[0-9a-zA-Z]+$/;
const RERANKING_MODEL_ARN = /^arn:aws(-[^:]+)?:bedrock:[a-z0-9-]{1,20}::foundation-model\/.+$/;
const PROMPT_VARIABLE = /^([0-9a-zA-Z][_-]?){1,100}$/;

/**
 * Schema check: configuration values are in range and well-formed — model ids, ARNs of prompts,
 * functions, bots and agents, knowledge base ids, bucket names, guardrails, inference parameters
 * (temperature and topP 0–1, maxTokens ≥ 0, at most 4 stop sequences), numberOfResults 1–100,
 * maxIterations 1–1000, template and code sizes. Tokens and placeholders are not checked.
 */
export const invalidConfigurationValue: FlowValidationRule = {
  type: 'InvalidConfigurationValue',
  severity: FlowValidationSeverity.ERROR,
  node({ node }: NodeEntry, ctx: ValidationContext, report: Report): void {
    const c = node.configuration;
    if (!isObject(c) || ctx.isUnresolved(c)) return;
    switch (node.type) {
      case 'Prompt': {
        const p = c.prompt;
        const inline = p?.sourceConfiguration?.inline;
        pattern(node, report, p?.sourceConfiguration?.resource?.promptArn, 'promptArn', PROMPT_ARN,
          'arn:<partition>:bedrock:<region>:<account>:prompt/<10-character id>[:<version>]');
        if (isObject(inline)) {
          pattern(node, report, inline.modelId, 'modelId', MODEL_ID, 'a model id, an inference profile id, or a Bedrock model/profile ARN');
          inference(node, report, inline.inferenceConfiguration?.text, 'inferenceConfiguration.text');
          const text = inline.templateConfiguration?.text;
          length(node, report, text?.text, 'the template text', 1, 200_000);
          variables(node, report, text?.inputVariables);
        }
        guardrail(node, report, p?.guardrailConfiguration);
        break;
      }
      case 'KnowledgeBase': {
        const kb = c.knowledgeBase;
        pattern(node, report, kb?.knowledgeBaseId, 'knowledgeBaseId', KNOWLEDGE_BASE_ID, 'at most 10 letters and digits');
        pattern(node, report, kb?.modelId, 'modelId', MODEL_ID, 'a model id, an inference profile id, or a Bedrock model/profile ARN');
        range(node, report, kb?.numberOfResults, 'numberOfResults', 1, 100, true);
        inference(node, report, kb?.inferenceConfiguration?.text, 'inferenceConfiguration.text');
        inference(node, report, kb?.orchestrationConfiguration?.inferenceConfig?.text, 'orchestrationConfiguration.inferenceConfig.text');
        length(node, report, kb?.promptTemplate?.textPromptTemplate, 'promptTemplate.textPromptTemplate', 1, 100_000);
        const rerank = kb?.rerankingConfiguration?.bedrockRerankingConfiguration;
        range(node, report, rerank?.numberOfRerankedResults, 'numberOfRerankedResults', 1, 100, true);
        pattern(node, report, rerank?.modelConfiguration?.modelArn, 'the reranking modelArn', RERANKING_MODEL_ARN,
          'arn:<partition>:bedrock:<region>::foundation-model/<model id>');
        guardrail(node, report, kb?.guardrailConfiguration);
        break;
      }
      case 'LambdaFunction':
        pattern(node, report, c.lambdaFunction?.lambdaArn, 'lambdaArn', LAMBDA_ARN, 'arn:<partition>:lambda:<region>:<account>:function:<name>[:<version or alias>]');
        break;
      case 'Lex':
        pattern(node, report, c.lex?.botAliasArn, 'botAliasArn', LEX_BOT_ALIAS_ARN, 'arn:aws:lex:<region>:<account>:bot-alias/<bot id>/<alias id>');
        length(node, report, c.lex?.botAliasArn, 'botAliasArn', 1, 78);
        length(node, report, c.lex?.localeId, 'localeId', 1, 10);
        break;
      case 'Agent':
        pattern(node, report, c.agent?.agentAliasArn, 'agentAliasArn', AGENT_ALIAS_ARN,
          'arn:<partition>:bedrock:<region>:<account>:agent-alias/<10-character agent id>/<10-character alias id>');
        break;
      case 'Storage':
      case 'Retrieval': {
        const key = node.type === 'Storage' ? 'storage' : 'retrieval';
        pattern(node, report, c[key]?.serviceConfiguration?.s3?.bucketName, 'bucketName', BUCKET_NAME, 'an S3 bucket name: 3–63 lower-case letters, digits, dots and hyphens');
        break;
      }
      case 'InlineCode':
        length(node, report, c.inlineCode?.code, 'code', 1, 5_000_000);
        break;
      case 'LoopController':
        range(node, report, c.loopController?.maxIterations, 'maxIterations', 1, 1000, true);
        break;
      default:
        break;
    }
  },
};

/*
 * The checks of one value each: they report on `node` when the value is known and not valid.
 */

function pattern(node: FlowNodeJson, report: Report, value: unknown, what: string, regex: RegExp, expected: string): void {
  if (value === undefined || value === '' || isUnresolved(value)) return; // missing: MissingNodeConfiguration
  if (typeof value !== 'string' || !regex.test(value)) invalid(node, report, `${what} ${show(value)} is not valid: use ${expected}`);
}

function range(node: FlowNodeJson, report: Report, value: unknown, what: string, min: number, max: number | undefined, integer = false): void {
  if (value === undefined || isUnresolved(value)) return;
  if (typeof value !== 'number' || Number.isNaN(value) || value < min || (max !== undefined && value > max) || (integer && !Number.isInteger(value))) {
    invalid(node, report, `${what} is ${show(value)}: use ${integer ? 'an integer' : 'a number'} ${max === undefined ? `of at least ${min}` : `from ${min} to ${max}`}`);
  }
}

function length(node: FlowNodeJson, report: Report, value: unknown, what: string, min: number, max: number): void {
  if (value === undefined || isUnresolved(value)) return;
  if (typeof value !== 'string') {
    invalid(node, report, `${what} is ${show(value)}, not a string: write it as text`);
  } else if (value.length < min || value.length > max) {
    invalid(node, report, `${what} is ${value.length} characters long: it must be ${min}–${max.toLocaleString('en-US')} characters`);
  }
}

function inference(node: FlowNodeJson, report: Report, text: any, where: string): void {
  if (!isObject(text) || isUnresolved(text)) return;
  range(node, report, text.temperature, `${where}.temperature`, 0, 1);
  range(node, report, text.topP, `${where}.topP`, 0, 1);
  range(node, report, text.maxTokens, `${where}.maxTokens`, 0, undefined, true);
  const stop = text.stopSequences;
  if (Array.isArray(stop) && stop.length > 4) invalid(node, report, `${where}.stopSequences has ${stop.length} entries: use at most 4`);
}

function variables(node: FlowNodeJson, report: Report, list: unknown): void {
  if (!Array.isArray(list)) return;
  if (list.length > 20) invalid(node, report, `the template has ${list.length} inputVariables: use at most 20`);
  for (const v of list) {
    const name = v?.name;
    if (name !== undefined && !isUnresolved(name) && (typeof name !== 'string' || !PROMPT_VARIABLE.test(name))) {
      invalid(node, report, `input variable ${show(name)} is not a valid name: use letters and digits (as the node input of the same name)`);
    }
  }
}

function guardrail(node: FlowNodeJson, report: Report, config: any): void {
  if (!isObject(config) || isUnresolved(config)) return;
  pattern(node, report, config.guardrailIdentifier, 'guardrailIdentifier', GUARDRAIL_IDENTIFIER, 'the guardrail id (lower-case letters and digits) or its ARN');
  pattern(node, report, config.guardrailVersion, 'guardrailVersion', GUARDRAIL_VERSION, "a version number or 'DRAFT'");
}

function invalid(node: FlowNodeJson, report: Report, problem: string): void {
  report({ node: node.name, message: `${node.type} node '${node.name}': ${problem}` });
}
