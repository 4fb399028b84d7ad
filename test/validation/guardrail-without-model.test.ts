import { expectNone, expectOne, nodeOf, rag, token } from './util';

const kbOf = (def: any) => nodeOf(def, 'FindChunks').configuration.knowledgeBase;

describe('GuardrailWithoutModel', () => {
  test('fails when a KnowledgeBase node has a guardrail but no modelId', () => {
    const def = rag();
    kbOf(def).guardrailConfiguration = { guardrailIdentifier: 'abcd1234efgh', guardrailVersion: '1' };
    expectOne(def, 'GuardrailWithoutModel', {
      node: 'FindChunks',
      message: /KnowledgeBase node 'FindChunks' has a guardrail but no modelId; guardrails apply only when the node generates a response: set modelId/,
    });
  });

  test('passes when the node also sets modelId', () => {
    const def = rag();
    kbOf(def).guardrailConfiguration = { guardrailIdentifier: 'abcd1234efgh', guardrailVersion: '1' };
    kbOf(def).modelId = 'anthropic.claude-3-haiku-20240307-v1:0';
    expectNone(def, 'GuardrailWithoutModel');
  });

  test('does not fail when modelId is a token', () => {
    const def = rag();
    kbOf(def).guardrailConfiguration = { guardrailIdentifier: 'abcd1234efgh', guardrailVersion: '1' };
    kbOf(def).modelId = token();
    expectNone(def, 'GuardrailWithoutModel');
  });
});
