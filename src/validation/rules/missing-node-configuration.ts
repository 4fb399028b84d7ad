import { configurationKey, FlowNodeJson, NODE_TYPES } from '../../definition/schema';
import { FlowValidationRule, RuleFinding, ValidationContext } from '../context';
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
  check(ctx: ValidationContext): RuleFinding[] {
    const findings: RuleFinding[] = [];
    for (const node of ctx.nodes) {
      if (!(NODE_TYPES as readonly string[]).includes(node.type)) continue; // InvalidEnumValue
      const key = configurationKey(node.type);
      const config = node.configuration as unknown;
      if (ctx.isUnresolved(config)) continue;
      const label = `${node.type} node '${node.name}'`;
      if (!isObject(config) || !(key in config)) {
        const others = isObject(config) ? Object.keys(config) : [];
        const found = config === undefined ? 'no configuration'
          : !isObject(config) ? `configuration ${show(config)}, not an object`
            : `configuration ${others.length ? `with ${others.map(o => `'${o}'`).join(', ')}` : '{}'} but no '${key}'`;
        const empty = EMPTY_CONFIGURATION.has(node.type);
        findings.push({
          node: node.name,
          ...(empty && (config === undefined || (isObject(config) && others.length === 0)) ? { severity: FlowValidationSeverity.WARNING } : {}),
          message: `${label} has ${found}: the configuration key is the node type in lower camel case, `
            + `so write configuration: { ${key}: ${empty ? '{}' : '{ ... }'} }`,
        });
        continue;
      }
      const member = config[key];
      if (ctx.isUnresolved(member)) continue;
      if (!isObject(member)) {
        findings.push({ node: node.name, message: `configuration.${key} of ${label} is ${show(member)}, not an object: write it as { ... }` });
        continue;
      }
      for (const [path, fix] of requiredFields(node, member)) {
        findings.push({ node: node.name, message: `${label} has no configuration.${key}.${path}: ${fix}` });
      }
    }
    return findings;
  },
};

/** The required fields of a node's configuration member that are missing: `[path, how to fix]`. */
function requiredFields(node: FlowNodeJson, c: { [key: string]: any }): [string, string][] {
  const missing: [string, string][] = [];
  const need = (value: unknown, path: string, fix: string) => {
    if (isAbsent(value)) missing.push([path, fix]);
  };
  switch (node.type) {
    case 'Prompt': {
      const source = c.sourceConfiguration;
      if (!isObject(source) || (!isObject(source.inline) && !isObject(source.resource))) {
        missing.push(['sourceConfiguration', 'set sourceConfiguration to { inline: { templateType, templateConfiguration, modelId } } '
          + 'or { resource: { promptArn } } (a managed prompt)']);
      } else if (isObject(source.resource)) {
        need(source.resource.promptArn, 'sourceConfiguration.resource.promptArn', 'set it to the ARN of a managed prompt (preferably with its version)');
      } else {
        const inline = source.inline;
        need(inline.modelId, 'sourceConfiguration.inline.modelId', 'set the model (a model id, an inference profile id or ARN)');
        need(inline.templateType, 'sourceConfiguration.inline.templateType', "set it to 'TEXT'");
        const template = inline.templateConfiguration;
        if (!isObject(template) || (!isObject(template.text) && !isObject(template.chat))) {
          missing.push(['sourceConfiguration.inline.templateConfiguration', 'set it to { text: { text: "...{{variable}}...", inputVariables: [...] } }']);
        } else if (isObject(template.text)) {
          need(template.text.text, 'sourceConfiguration.inline.templateConfiguration.text.text', 'write the prompt template');
        }
      }
      break;
    }
    case 'KnowledgeBase':
      need(c.knowledgeBaseId, 'knowledgeBaseId', 'set it to the id of the knowledge base (10 letters and digits)');
      break;
    case 'Condition':
      if (!Array.isArray(c.conditions)) missing.push(['conditions', "list the conditions, ending with { name: 'default' }"]);
      break;
    case 'Lex':
      need(c.botAliasArn, 'botAliasArn', 'set it to the ARN of the Lex bot alias');
      need(c.localeId, 'localeId', "set it to the bot locale, for example 'en_US'");
      break;
    case 'LambdaFunction':
      need(c.lambdaArn, 'lambdaArn', 'set it to the ARN of the function');
      break;
    case 'Agent':
      need(c.agentAliasArn, 'agentAliasArn', 'set it to the ARN of the agent alias');
      break;
    case 'Storage':
    case 'Retrieval':
      need(c.serviceConfiguration?.s3?.bucketName, 'serviceConfiguration.s3.bucketName', 'set it to the name of the S3 bucket');
      break;
    case 'InlineCode':
      need(c.code, 'code', 'write the Python code; the value of its last line is the node\'s response');
      need(c.language, 'language', "set it to 'Python_3'");
      break;
    case 'Loop':
      if (!isObject(c.definition)) missing.push(['definition', 'set it to the loop body { nodes, connections } with one LoopInput and one LoopController node']);
      break;
    case 'LoopController':
      if (!isObject(c.continueCondition) || isAbsent(c.continueCondition.name)) {
        missing.push(['continueCondition', "set it to { name: 'Continue', expression: '...' } over the node's LoopCondition inputs"]);
      }
      break;
    default:
      break;
  }
  return missing;
}
