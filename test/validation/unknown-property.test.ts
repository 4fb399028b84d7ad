import { Lazy } from 'aws-cdk-lib';
import { connectionOf, EXAMPLES, expectNone, expectOne, findingsOf, fixture, nodeOf, rag, token } from './util';
import { FlowValidationSeverity } from '../../src';

describe('UnknownProperty', () => {
  test('warns when a configuration key is misspelt, and suggests the right one', () => {
    const def = rag();
    const kb = nodeOf(def, 'FindChunks').configuration.knowledgeBase;
    kb.NumberOfResults = kb.numberOfResults;
    delete kb.numberOfResults;
    expectOne(def, 'UnknownProperty', {
      severity: FlowValidationSeverity.WARNING,
      node: 'FindChunks',
      message: /node 'FindChunks' has 'configuration.knowledgeBase.NumberOfResults', which the CloudFormation schema does not have.*did you mean 'numberOfResults'\?/,
    });
  });

  test('warns for unknown keys of nodes, inputs and connections', () => {
    const def = rag();
    nodeOf(def, 'Answer').position = { x: 1, y: 2 };
    nodeOf(def, 'Answer').inputs[0].description = 'the question';
    connectionOf(def, 'ChunksToAnswer').configuration.data.expression = '$.data';
    expect(findingsOf(def, 'UnknownProperty').map(f => [f.node ?? f.connection, f.message])).toEqual([
      ['Answer', expect.stringMatching(/has 'inputs\[0\].description'.*\(known here: name, type, expression, category\)/)],
      ['Answer', expect.stringMatching(/has 'position'.*remove it \(known here: name, type, configuration, inputs, outputs\)/)],
      ['ChunksToAnswer', expect.stringMatching(/connection 'ChunksToAnswer' has 'configuration.data.expression'.*\(known here: sourceOutput, targetInput\)/)],
    ]);
  });

  test('gives each finding its own path after an unknown configuration member', () => {
    const def = rag();
    nodeOf(def, 'FindChunks').configuration.knowledgeBaseX = {};
    nodeOf(def, 'FindChunks').configuration.knowledgeBase.topK = 5;
    nodeOf(def, 'Answer').position = { x: 1, y: 2 };
    expect(findingsOf(def, 'UnknownProperty').map(f => f.message.match(/has '([^']+)'/)![1])).toEqual([
      'configuration.knowledgeBase.topK',
      'configuration.knowledgeBaseX',
      'position',
    ]);
  });

  test('leaves API-only prompt fields to UnsupportedByCloudFormation', () => {
    const def = rag();
    nodeOf(def, 'Answer').configuration.prompt.sourceConfiguration.inline.additionalModelRequestFields = { top_k: 5 };
    expectNone(def, 'UnknownProperty');
  });

  test.each(EXAMPLES)('passes for %s', (name) => {
    expectNone(fixture(name), 'UnknownProperty');
  });

  test('passes for free-form fields (additionalModelRequestFields of reranking)', () => {
    const def = rag();
    nodeOf(def, 'FindChunks').configuration.knowledgeBase.rerankingConfiguration = {
      type: 'BEDROCK_RERANKING_MODEL',
      bedrockRerankingConfiguration: { modelConfiguration: { modelArn: 'arn:aws:bedrock:us-west-2::foundation-model/amazon.rerank-v1:0', additionalModelRequestFields: { anything: 1 } } },
    };
    expectNone(def, 'UnknownProperty');
  });

  test('does not fail when a configuration is a token', () => {
    const def = rag();
    nodeOf(def, 'FindChunks').configuration.knowledgeBase = token() as any;
    expectNone(def, 'UnknownProperty');
  });

  test('does not look into intrinsics and resolvable objects, and still checks the keys around them', () => {
    const def = rag();
    const kb = nodeOf(def, 'FindChunks').configuration.knowledgeBase;
    kb.inferenceConfiguration = { 'Fn::If': ['UseLong', { text: { maxTokens: 900 } }, { Ref: 'AWS::NoValue' }] };
    kb.orchestrationConfiguration = Lazy.any({ produce: () => ({ anything: 1 }) }) as any;
    kb.promptTemplate = { textPromptTemplate: 'x', TextPromptTemplate: 'y' };
    expect(findingsOf(def, 'UnknownProperty').map(f => f.message)).toEqual([
      expect.stringMatching(/has 'configuration.knowledgeBase.promptTemplate.TextPromptTemplate', .*did you mean 'textPromptTemplate'\?/),
    ]);
  });
});
