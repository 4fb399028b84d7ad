import { expectNone, expectOne, EXAMPLES, findingsOf, fixture, loopBody, nodeOf, numberToken, rag, token } from './util';

const inlineOf = (def: any) => nodeOf(def, 'Answer').configuration.prompt.sourceConfiguration.inline;

describe('InvalidConfigurationValue', () => {
  test('fails when a managed prompt ARN has an id of the wrong length', () => {
    const def = fixture('example-b-condition-routing');
    nodeOf(def, 'Triage').configuration.prompt.sourceConfiguration.resource.promptArn = 'arn:aws:bedrock:us-east-1:111122223333:prompt/PROMPT12345:1';
    expectOne(def, 'InvalidConfigurationValue', {
      node: 'Triage',
      message: /Prompt node 'Triage': promptArn 'arn:aws:bedrock:us-east-1:111122223333:prompt\/PROMPT12345:1' is not valid: use arn:<partition>:bedrock:<region>:<account>:prompt\/<10-character id>/,
    });
  });

  test('fails when inference parameters are out of range', () => {
    const def = rag();
    inlineOf(def).inferenceConfiguration.text = { temperature: 1.5, topP: -0.1, maxTokens: 10.5, stopSequences: ['a', 'b', 'c', 'd', 'e'] };
    expect(findingsOf(def, 'InvalidConfigurationValue').map(f => f.message)).toEqual([
      expect.stringMatching(/inferenceConfiguration.text.temperature is 1.5: use a number from 0 to 1/),
      expect.stringMatching(/inferenceConfiguration.text.topP is -0.1: use a number from 0 to 1/),
      expect.stringMatching(/inferenceConfiguration.text.maxTokens is 10.5: use an integer of at least 0/),
      expect.stringMatching(/inferenceConfiguration.text.stopSequences has 5 entries: use at most 4/),
    ]);
  });

  test('fails when a model id is not a model id', () => {
    const def = rag();
    inlineOf(def).modelId = 'Claude 3 Haiku';
    expectOne(def, 'InvalidConfigurationValue', { node: 'Answer', message: /modelId 'Claude 3 Haiku' is not valid: use a model id, an inference profile id, or a Bedrock/ });
  });

  test('fails when knowledge base values are out of range', () => {
    const def = rag();
    Object.assign(nodeOf(def, 'FindChunks').configuration.knowledgeBase, { knowledgeBaseId: 'kb-1234567890', numberOfResults: 0 });
    expect(findingsOf(def, 'InvalidConfigurationValue').map(f => f.message)).toEqual([
      expect.stringMatching(/KnowledgeBase node 'FindChunks': knowledgeBaseId 'kb-1234567890' is not valid: use at most 10 letters and digits/),
      expect.stringMatching(/numberOfResults is 0: use an integer from 1 to 100/),
    ]);
  });

  test('fails when a guardrail version or id is malformed', () => {
    const def = rag();
    nodeOf(def, 'Answer').configuration.prompt.guardrailConfiguration = { guardrailIdentifier: 'My-Guardrail', guardrailVersion: 'v1' };
    expect(findingsOf(def, 'InvalidConfigurationValue').map(f => f.message)).toEqual([
      expect.stringMatching(/guardrailIdentifier 'My-Guardrail' is not valid: use the guardrail id/),
      expect.stringMatching(/guardrailVersion 'v1' is not valid: use a version number or 'DRAFT'/),
    ]);
  });

  test('fails when ARNs of functions, bots and agents are malformed', () => {
    const b = fixture('example-b-condition-routing');
    nodeOf(b, 'Escalate').configuration.lambdaFunction.lambdaArn = 'escalate';
    nodeOf(b, 'BillingAgent').configuration.agent.agentAliasArn = 'arn:aws:bedrock:us-east-1:111122223333:agent/AGENT12345';
    expect(findingsOf(b, 'InvalidConfigurationValue').map(f => [f.node, f.message])).toEqual([
      ['BillingAgent', expect.stringMatching(/agentAliasArn .* is not valid: use arn:<partition>:bedrock:<region>:<account>:agent-alias\//)],
      ['Escalate', expect.stringMatching(/lambdaArn 'escalate' is not valid: use arn:<partition>:lambda:/)],
    ]);
    const d = fixture('example-d-lex-retrieval');
    nodeOf(d, 'DetectIntent').configuration.lex.botAliasArn = 'arn:aws:lex:us-east-1:111122223333:bot/BOTID12345';
    nodeOf(d, 'LoadTemplate').configuration.retrieval.serviceConfiguration.s3.bucketName = 'My_Bucket';
    expect(findingsOf(d, 'InvalidConfigurationValue').map(f => [f.node, f.message])).toEqual([
      ['DetectIntent', expect.stringMatching(/botAliasArn .* is not valid: use arn:aws:lex:<region>:<account>:bot-alias\//)],
      ['LoadTemplate', expect.stringMatching(/bucketName 'My_Bucket' is not valid: use an S3 bucket name/)],
    ]);
  });

  test('fails when maxIterations is out of range', () => {
    const def = fixture('example-e-loop');
    nodeOf(loopBody(def), 'LoopGate').configuration.loopController.maxIterations = 5000;
    expectOne(def, 'InvalidConfigurationValue', { node: 'LoopGate', loopNode: 'RefineLoop', message: /maxIterations is 5000: use an integer from 1 to 1000/ });
  });

  test('fails when a template is empty or an input variable name is invalid', () => {
    const def = rag();
    inlineOf(def).templateConfiguration.text.text = '';
    inlineOf(def).templateConfiguration.text.inputVariables.push({ name: 'a b' });
    expect(findingsOf(def, 'InvalidConfigurationValue').map(f => f.message)).toEqual([
      expect.stringMatching(/the template text is 0 characters long: it must be 1–200,000 characters/),
      expect.stringMatching(/input variable 'a b' is not a valid name/),
    ]);
  });

  test.each(EXAMPLES)('passes for %s', (name) => {
    expectNone(fixture(name), 'InvalidConfigurationValue');
  });

  test('passes for model ARNs and inference profiles', () => {
    for (const modelId of [
      'anthropic.claude-3-haiku-20240307-v1:0',
      'us.anthropic.claude-3-5-haiku-20241022-v1:0',
      'arn:aws:bedrock:us-east-1:111122223333:inference-profile/us.amazon.nova-pro-v1:0',
      'arn:aws:bedrock:us-east-1:111122223333:application-inference-profile/abc123def456',
      'arn:aws:bedrock:us-east-1::foundation-model/amazon.nova-lite-v1:0',
    ]) {
      const def = rag();
      inlineOf(def).modelId = modelId;
      expectNone(def, 'InvalidConfigurationValue');
    }
  });

  test('does not fail when values are tokens or placeholders', () => {
    const def = rag();
    inlineOf(def).modelId = token('not a model');
    inlineOf(def).inferenceConfiguration.text.temperature = numberToken(7);
    nodeOf(def, 'FindChunks').configuration.knowledgeBase.knowledgeBaseId = '${KnowledgeBaseId}';
    expectNone(def, 'InvalidConfigurationValue');
  });
});
