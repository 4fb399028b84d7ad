import { EXAMPLES, expectNone, expectOne, findingsOf, fixture, loopBody, nodeOf, rag, token } from './util';
import { FlowValidationSeverity } from '../../src';

describe('MissingNodeConfiguration', () => {
  test('fails when a node has no configuration', () => {
    const def = rag();
    delete nodeOf(def, 'FindChunks').configuration;
    expectOne(def, 'MissingNodeConfiguration', {
      node: 'FindChunks',
      message: /KnowledgeBase node 'FindChunks' has no configuration: the configuration key is the node type in lower camel case, so write configuration: \{ knowledgeBase: \{ \.\.\. \} \}/,
    });
  });

  test('fails when the configuration key does not match the type (the user guide Storage sample)', () => {
    const def = fixture('example-c-iterator-collector');
    const save = nodeOf(def, 'SaveReport');
    save.configuration = { retrieval: save.configuration.storage };
    expectOne(def, 'MissingNodeConfiguration', { node: 'SaveReport', message: /Storage node 'SaveReport' has configuration with 'retrieval' but no 'storage'/ });
  });

  test('warns when an Input or Output node has no configuration', () => {
    const def = rag();
    delete nodeOf(def, 'FlowOutput').configuration;
    expectOne(def, 'MissingNodeConfiguration', { severity: FlowValidationSeverity.WARNING, node: 'FlowOutput', message: /write configuration: \{ output: \{\} \}/ });
  });

  test('fails when required fields are missing', () => {
    const def = fixture('example-b-condition-routing');
    delete nodeOf(def, 'Escalate').configuration.lambdaFunction.lambdaArn;
    nodeOf(def, 'BillingAgent').configuration.agent.agentAliasArn = '';
    nodeOf(def, 'Triage').configuration.prompt = {};
    expect(findingsOf(def, 'MissingNodeConfiguration').map(f => [f.node, f.message])).toEqual([
      ['BillingAgent', expect.stringMatching(/Agent node 'BillingAgent' has no configuration.agent.agentAliasArn: set it to the ARN of the agent alias/)],
      ['Escalate', expect.stringMatching(/LambdaFunction node 'Escalate' has no configuration.lambdaFunction.lambdaArn/)],
      ['Triage', expect.stringMatching(/Prompt node 'Triage' has no configuration.prompt.sourceConfiguration: set sourceConfiguration to \{ inline:/)],
    ]);
  });

  test('fails when an inline prompt lacks its model or template', () => {
    const def = rag();
    const inline = nodeOf(def, 'Answer').configuration.prompt.sourceConfiguration.inline;
    delete inline.modelId;
    delete inline.templateConfiguration;
    expect(findingsOf(def, 'MissingNodeConfiguration').map(f => f.message)).toEqual([
      expect.stringMatching(/no configuration.prompt.sourceConfiguration.inline.modelId/),
      expect.stringMatching(/no configuration.prompt.sourceConfiguration.inline.templateConfiguration/),
    ]);
  });

  test('fails when a Loop node has no definition or a LoopController no continue condition', () => {
    const def = fixture('example-e-loop');
    delete nodeOf(loopBody(def), 'LoopGate').configuration.loopController.continueCondition;
    expectOne(def, 'MissingNodeConfiguration', { node: 'LoopGate', loopNode: 'RefineLoop', message: /no configuration.loopController.continueCondition/ });
    nodeOf(def, 'RefineLoop').configuration.loop = {};
    expectOne(def, 'MissingNodeConfiguration', { node: 'RefineLoop', message: /Loop node 'RefineLoop' has no configuration.loop.definition/ });
  });

  test.each(EXAMPLES)('passes for %s', (name) => {
    expectNone(fixture(name), 'MissingNodeConfiguration');
  });

  test('does not fail when the configuration or a field is a token', () => {
    const def = fixture('example-b-condition-routing');
    nodeOf(def, 'Escalate').configuration = token() as any;
    nodeOf(def, 'BillingAgent').configuration.agent = token() as any;
    nodeOf(def, 'Triage').configuration.prompt.sourceConfiguration.resource.promptArn = '${PromptArn}';
    expectNone(def, 'MissingNodeConfiguration');
  });
});
