import { configurationKey, FlowNodeJson } from '../../definition/schema';
import { FlowValidationRule, NodeEntry, Report, ValidationContext } from '../context';
import { isAbsent, isObject, show } from '../helpers';
import { FlowValidationSeverity } from '../types';

/** Node types whose configuration member is an empty object. */
const EMPTY_CONFIGURATION = new Set(['Input', 'Output', 'Iterator', 'Collector', 'LoopInput']);


/**
 * MissingNodeConfiguration: a node needs `configuration.<type in lower camel case>` (`prompt`,
 * `knowledgeBase`, `lambdaFunction`, `loopController`, ...) with the fields its type requires.
 * Nodes whose configuration is empty (`{ input: {} }`) deploy without it, so leaving it out is a
 * warning.
 */
export const missingNodeConfiguration: FlowValidationRule = {
  type: 'MissingNodeConfiguration',
  severity: FlowValidationSeverity.ERROR,
  node({ node, configurationKey: key }: NodeEntry, ctx: ValidationContext, report: Report): void {
    if (key === undefined) return; // InvalidEnumValue
    const config = node.configuration as unknown;
    if (ctx.isUnresolved(config)) return;
    if (!isObject(config) || !(key in config)) {
      const others = isObject(config) ? Object.keys(config) : [];
      const found = config === undefined ? 'no configuration'
        : !isObject(config) ? `configuration ${show(config)}, not an object`
          : `configuration ${others.length ? `with ${others.map(o => `'${o}'`).join(', ')}` : '{}'} but no '${key}'`;
      const empty = EMPTY_CONFIGURATION.has(node.type);
      report({
        node: node.name,
        ...(empty && (config === undefined || (isObject(config) && others.length === 0)) ? { severity: FlowValidationSeverity.WARNING } : {}),
        message: `${node.type} node '${node.name}' has ${found}: the configuration key is the node type in lower camel case, `
          + `so write configuration: { ${key}: ${empty ? '{}' : '{ ... }'} }`,
      });
      return;
    }
    const member = config[key];
    if (ctx.isUnresolved(member)) return;
    if (!isObject(member)) {
      report({ node: node.name, message: `configuration.${key} of ${node.type} node '${node.name}' is ${show(member)}, not an object: write it as { ... }` });
      return;
    }
    checkRequiredFields(node, member, report);
  },
};

/** Reports the required fields of a node's configuration member `c` that are missing. */
function checkRequiredFields(node: FlowNodeJson, c: { [key: string]: any }, report: Report): void {
  switch (node.type) {
    case 'Prompt': {
      const source = c.sourceConfiguration;
      if (!isObject(source) || (!isObject(source.inline) && !isObject(source.resource))) {
        missing(node, report, 'sourceConfiguration', 'set sourceConfiguration to { inline: { templateType, templateConfiguration, modelId } } '
          + 'or { resource: { promptArn } } (a managed prompt)');
      } else if (isObject(source.resource)) {
        need(node, report, source.resource.promptArn, 'sourceConfiguration.resource.promptArn', 'set it to the ARN of a managed prompt (preferably with its version)');
      } else {
        const inline = source.inline;
        need(node, report, inline.modelId, 'sourceConfiguration.inline.modelId', 'set the model (a model id, an inference profile id or ARN)');
        need(node, report, inline.templateType, 'sourceConfiguration.inline.templateType', "set it to 'TEXT'");
        const template = inline.templateConfiguration;
        if (!isObject(template) || (!isObject(template.text) && !isObject(template.chat))) {
          missing(node, report, 'sourceConfiguration.inline.templateConfiguration', 'set it to { text: { text: "...{{variable}}...", inputVariables: [...] } }');
        } else if (isObject(template.text)) {
          need(node, report, template.text.text, 'sourceConfiguration.inline.templateConfiguration.text.text', 'write the prompt template');
        }
      }
      break;
    }
    case 'KnowledgeBase':
      need(node, report, c.knowledgeBaseId, 'knowledgeBaseId', 'set it to the id of the knowledge base (10 letters and digits)');
      break;
    case 'Condition':
      if (!Array.isArray(c.conditions)) missing(node, report, 'conditions', "list the conditions, ending with { name: 'default' }");
      break;
    case 'Lex':
      need(node, report, c.botAliasArn, 'botAliasArn', 'set it to the ARN of the Lex bot alias');
      need(node, report, c.localeId, 'localeId', "set it to the bot locale, for example 'en_US'");
      break;
    case 'LambdaFunction':
      need(node, report, c.lambdaArn, 'lambdaArn', 'set it to the ARN of the function');
      break;
    case 'Agent':
      need(node, report, c.agentAliasArn, 'agentAliasArn', 'set it to the ARN of the agent alias');
      break;
    case 'Storage':
    case 'Retrieval':
      need(node, report, c.serviceConfiguration?.s3?.bucketName, 'serviceConfiguration.s3.bucketName', 'set it to the name of the S3 bucket');
      break;
    case 'InlineCode':
      need(node, report, c.code, 'code', 'write the Python code; the value of its last line is the node\'s response');
      need(node, report, c.language, 'language', "set it to 'Python_3'");
      break;
    case 'Loop':
      if (!isObject(c.definition)) missing(node, report, 'definition', 'set it to the loop body { nodes, connections } with one LoopInput and one LoopController node');
      break;
    case 'LoopController':
      if (!isObject(c.continueCondition) || isAbsent(c.continueCondition.name)) {
        missing(node, report, 'continueCondition', "set it to { name: 'Continue', expression: '...' } over the node's LoopCondition inputs");
      }
      break;
    default:
      break;
  }
}

/** Reports a required field of a node's configuration member when it is absent. */
function need(node: FlowNodeJson, report: Report, value: unknown, path: string, fix: string): void {
  if (isAbsent(value)) missing(node, report, path, fix);
}

/** Reports a required field of a node's configuration member that is missing. */
function missing(node: FlowNodeJson, report: Report, path: string, fix: string): void {
  report({ node: node.name, message: `${node.type} node '${node.name}' has no configuration.${configurationKey(node.type)}.${path}: ${fix}` });
}
