import { Stack } from 'aws-cdk-lib';
import { Template, TemplateParsingOptions } from 'aws-cdk-lib/assertions';
import { recordTemplate } from './util/template-capture';

// Every template a test synthesizes with `Template.fromStack` is also written out, so that
// `test/cfn-lint-reporter.js` can run cfn-lint over all of them in one process at the end.
const fromStack = Template.fromStack.bind(Template);
Template.fromStack = (stack: Stack, templateParsingOptions?: TemplateParsingOptions): Template => {
  const template = fromStack(stack, templateParsingOptions);
  recordTemplate(template.toJSON(), stack.stackName);
  return template;
};
