import { FlowNodeJson } from '../../definition/schema';
import { AGENT_ALIAS_ARN, BUCKET_NAME, GUARDRAIL_IDENTIFIER, KNOWLEDGE_BASE_ID, PROMPT_ARN } from '../../private/cfn-patterns';
import { FlowValidationRule, RuleFinding, ValidationContext } from '../context';
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
  check(ctx: ValidationContext): RuleFinding[] {
    const findings: RuleFinding[] = [];
    for (const node of ctx.nodes) {
      const c = node.configuration;
      if (!isObject(c) || ctx.isUnresolved(c)) continue;
      const v = new Checker(ctx, node, findings);
      switch (node.type) {
        case 'Prompt': {
          const p = c.prompt;
          const inline = p?.sourceConfiguration?.inline;
          v.pattern(p?.sourceConfiguration?.resource?.promptArn, 'promptArn', PROMPT_ARN,
            'arn:<partition>:bedrock:<region>:<account>:prompt/<10-character id>[:<version>]');
          if (isObject(inline)) {
            v.pattern(inline.modelId, 'modelId', MODEL_ID, 'a model id, an inference profile id, or a Bedrock model/profile ARN');
            v.inference(inline.inferenceConfiguration?.text, 'inferenceConfiguration.text');
            const text = inline.templateConfiguration?.text;
            v.length(text?.text, 'the template text', 1, 200_000);
            v.variables(text?.inputVariables);
          }
          v.guardrail(p?.guardrailConfiguration);
          break;
        }
        case 'KnowledgeBase': {
          const kb = c.knowledgeBase;
          v.pattern(kb?.knowledgeBaseId, 'knowledgeBaseId', KNOWLEDGE_BASE_ID, 'at most 10 letters and digits');
          v.pattern(kb?.modelId, 'modelId', MODEL_ID, 'a model id, an inference profile id, or a Bedrock model/profile ARN');
          v.range(kb?.numberOfResults, 'numberOfResults', 1, 100, true);
          v.inference(kb?.inferenceConfiguration?.text, 'inferenceConfiguration.text');
          v.inference(kb?.orchestrationConfiguration?.inferenceConfig?.text, 'orchestrationConfiguration.inferenceConfig.text');
          v.length(kb?.promptTemplate?.textPromptTemplate, 'promptTemplate.textPromptTemplate', 1, 100_000);
          const rerank = kb?.rerankingConfiguration?.bedrockRerankingConfiguration;
          v.range(rerank?.numberOfRerankedResults, 'numberOfRerankedResults', 1, 100, true);
          v.pattern(rerank?.modelConfiguration?.modelArn, 'the reranking modelArn', RERANKING_MODEL_ARN,
            'arn:<partition>:bedrock:<region>::foundation-model/<model id>');
          v.guardrail(kb?.guardrailConfiguration);
          break;
        }
        case 'LambdaFunction':
          v.pattern(c.lambdaFunction?.lambdaArn, 'lambdaArn', LAMBDA_ARN, 'arn:<partition>:lambda:<region>:<account>:function:<name>[:<version or alias>]');
          break;
        case 'Lex':
          v.pattern(c.lex?.botAliasArn, 'botAliasArn', LEX_BOT_ALIAS_ARN, 'arn:aws:lex:<region>:<account>:bot-alias/<bot id>/<alias id>');
          v.length(c.lex?.botAliasArn, 'botAliasArn', 1, 78);
          v.length(c.lex?.localeId, 'localeId', 1, 10);
          break;
        case 'Agent':
          v.pattern(c.agent?.agentAliasArn, 'agentAliasArn', AGENT_ALIAS_ARN,
            'arn:<partition>:bedrock:<region>:<account>:agent-alias/<10-character agent id>/<10-character alias id>');
          break;
        case 'Storage':
        case 'Retrieval': {
          const key = node.type === 'Storage' ? 'storage' : 'retrieval';
          v.pattern(c[key]?.serviceConfiguration?.s3?.bucketName, 'bucketName', BUCKET_NAME, 'an S3 bucket name: 3–63 lower-case letters, digits, dots and hyphens');
          break;
        }
        case 'InlineCode':
          v.length(c.inlineCode?.code, 'code', 1, 5_000_000);
          break;
        case 'LoopController':
          v.range(c.loopController?.maxIterations, 'maxIterations', 1, 1000, true);
          break;
        default:
          break;
      }
    }
    return findings;
  },
};

class Checker {
  constructor(private readonly ctx: ValidationContext, private readonly node: FlowNodeJson, private readonly findings: RuleFinding[]) {}

  public pattern(value: unknown, what: string, pattern: RegExp, expected: string): void {
    if (value === undefined || value === '' || this.ctx.isUnresolved(value)) return; // missing: MissingNodeConfiguration
    if (typeof value !== 'string' || !pattern.test(value)) this.report(`${what} ${show(value)} is not valid: use ${expected}`);
  }

  public range(value: unknown, what: string, min: number, max: number | undefined, integer = false): void {
    if (value === undefined || this.ctx.isUnresolved(value)) return;
    if (typeof value !== 'number' || Number.isNaN(value) || value < min || (max !== undefined && value > max) || (integer && !Number.isInteger(value))) {
      this.report(`${what} is ${show(value)}: use ${integer ? 'an integer' : 'a number'} ${max === undefined ? `of at least ${min}` : `from ${min} to ${max}`}`);
    }
  }

  public length(value: unknown, what: string, min: number, max: number): void {
    if (value === undefined || this.ctx.isUnresolved(value)) return;
    if (typeof value !== 'string') {
      this.report(`${what} is ${show(value)}, not a string: write it as text`);
    } else if (value.length < min || value.length > max) {
      this.report(`${what} is ${value.length} characters long: it must be ${min}–${max.toLocaleString('en-US')} characters`);
    }
  }

  public inference(text: any, where: string): void {
    if (!isObject(text) || this.ctx.isUnresolved(text)) return;
    this.range(text.temperature, `${where}.temperature`, 0, 1);
    this.range(text.topP, `${where}.topP`, 0, 1);
    this.range(text.maxTokens, `${where}.maxTokens`, 0, undefined, true);
    const stop = text.stopSequences;
    if (Array.isArray(stop) && stop.length > 4) this.report(`${where}.stopSequences has ${stop.length} entries: use at most 4`);
  }

  public variables(list: unknown): void {
    if (!Array.isArray(list)) return;
    if (list.length > 20) this.report(`the template has ${list.length} inputVariables: use at most 20`);
    for (const v of list) {
      const name = v?.name;
      if (name !== undefined && !this.ctx.isUnresolved(name) && (typeof name !== 'string' || !PROMPT_VARIABLE.test(name))) {
        this.report(`input variable ${show(name)} is not a valid name: use letters and digits (as the node input of the same name)`);
      }
    }
  }

  public guardrail(config: any): void {
    if (!isObject(config) || this.ctx.isUnresolved(config)) return;
    this.pattern(config.guardrailIdentifier, 'guardrailIdentifier', GUARDRAIL_IDENTIFIER, 'the guardrail id (lower-case letters and digits) or its ARN');
    this.pattern(config.guardrailVersion, 'guardrailVersion', GUARDRAIL_VERSION, "a version number or 'DRAFT'");
  }

  private report(problem: string): void {
    this.findings.push({ node: this.node.name, message: `${this.node.type} node '${this.node.name}': ${problem}` });
  }
}
