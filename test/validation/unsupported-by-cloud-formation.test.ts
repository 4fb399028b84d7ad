import { expectNone, expectOne, findingsOf, nodeOf, numberToken, rag } from './util';

const inlineOf = (def: any) => nodeOf(def, 'Answer').configuration.prompt.sourceConfiguration.inline;

describe('UnsupportedByCloudFormation', () => {
  test('fails when maxTokens is above 4096', () => {
    const def = rag();
    inlineOf(def).inferenceConfiguration.text.maxTokens = 8192;
    expectOne(def, 'UnsupportedByCloudFormation', {
      node: 'Answer',
      message: /Prompt node 'Answer' sets inferenceConfiguration.text.maxTokens to 8192; CloudFormation accepts at most 4096: lower it/,
    });
  });

  test('fails when a KnowledgeBase node sets maxTokens above 4096', () => {
    const def = rag();
    nodeOf(def, 'FindChunks').configuration.knowledgeBase.inferenceConfiguration = { text: { maxTokens: 5000 } };
    expectOne(def, 'UnsupportedByCloudFormation', { node: 'FindChunks', message: /sets inferenceConfiguration.text.maxTokens to 5000/ });
  });

  test('fails for an inline CHAT template', () => {
    const def = rag();
    inlineOf(def).templateType = 'CHAT';
    inlineOf(def).templateConfiguration = { chat: { messages: [{ role: 'user', content: [{ text: '{{question}}' }] }] } };
    expectOne(def, 'UnsupportedByCloudFormation', { node: 'Answer', message: /has an inline CHAT template; CloudFormation supports only TEXT templates.*managed prompt/ });
  });

  test('fails for cachePoint and additionalModelRequestFields', () => {
    const def = rag();
    inlineOf(def).templateConfiguration.text.cachePoint = { type: 'default' };
    inlineOf(def).additionalModelRequestFields = { top_k: 50 };
    expect(findingsOf(def, 'UnsupportedByCloudFormation').map(f => f.message)).toEqual([
      expect.stringMatching(/sets templateConfiguration.text.cachePoint, which CloudFormation does not support/),
      expect.stringMatching(/sets additionalModelRequestFields, which CloudFormation does not support \(the CDK L1 drops it\)/),
    ]);
  });

  test('passes for a TEXT template with maxTokens of 4096', () => {
    const def = rag();
    inlineOf(def).inferenceConfiguration.text.maxTokens = 4096;
    expectNone(def, 'UnsupportedByCloudFormation');
  });

  test('does not fail when maxTokens is a token', () => {
    const def = rag();
    inlineOf(def).inferenceConfiguration.text.maxTokens = numberToken(10000);
    expectNone(def, 'UnsupportedByCloudFormation');
  });
});
