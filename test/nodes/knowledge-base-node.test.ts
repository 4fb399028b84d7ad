import { Lazy, Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import * as bedrock from 'aws-cdk-lib/aws-bedrock';
import {
  Flow, FlowDataType, FlowDefinition, FlowGuardrail, FlowModel, InputNode, KnowledgeBaseLatency, KnowledgeBaseNode,
  OutputNode, RerankingMetadata,
} from '../../src';
import { FlowKnowledgeBase } from '../../src/targets';
import { nodeOf, renderDefinition, testStack } from '../util/render';

const KB = FlowKnowledgeBase.fromKnowledgeBaseId('KB12345678');

describe('KnowledgeBaseNode', () => {
  let stack: Stack;
  let input: InputNode;
  beforeEach(() => {
    stack = testStack();
    input = new InputNode(stack, 'FlowInput', { type: FlowDataType.STRING });
  });

  test('renders a retrieve-only node with a retrievalResults Array output', () => {
    // GIVEN
    const kb = new KnowledgeBaseNode(stack, 'FindChunks', { knowledgeBase: KB, numberOfResults: 10 });

    // WHEN
    const definition = renderDefinition(stack, input.next(kb).next(new OutputNode(stack, 'FlowOutput')));

    // THEN
    expect(definition).toStrictEqual({
      nodes: [
        { name: 'FlowInput', type: 'Input', configuration: { input: {} }, outputs: [{ name: 'document', type: 'String' }] },
        {
          name: 'FindChunks',
          type: 'KnowledgeBase',
          configuration: { knowledgeBase: { knowledgeBaseId: 'KB12345678', numberOfResults: 10 } },
          inputs: [{ name: 'retrievalQuery', type: 'String', expression: '$.data' }],
          outputs: [{ name: 'retrievalResults', type: 'Array' }],
        },
        {
          name: 'FlowOutput',
          type: 'Output',
          configuration: { output: {} },
          inputs: [{ name: 'document', type: 'Array', expression: '$.data' }],
        },
      ],
      connections: [
        {
          name: 'FlowInput_FindChunks_retrievalQuery',
          type: 'Data',
          source: 'FlowInput',
          target: 'FindChunks',
          configuration: { data: { sourceOutput: 'document', targetInput: 'retrievalQuery' } },
        },
        {
          name: 'FindChunks_FlowOutput_document',
          type: 'Data',
          source: 'FindChunks',
          target: 'FlowOutput',
          configuration: { data: { sourceOutput: 'retrievalResults', targetInput: 'document' } },
        },
      ],
    });
    expect(kb.retrievalResults?.type).toBe(FlowDataType.ARRAY);
    expect(kb.outputText).toBeUndefined();
  });

  test('renders RetrieveAndGenerate with model, guardrail, template, inference, reranking and orchestration', () => {
    // GIVEN
    const kb = new KnowledgeBaseNode(stack, 'AskDocs', {
      knowledgeBase: KB,
      retrievalQuery: input.document,
      model: FlowModel.crossRegion('us.amazon.nova-pro-v1:0'),
      numberOfResults: 5,
      guardrail: FlowGuardrail.fromGuardrailIdentifier('abcd1234efgh', 'DRAFT'),
      promptTemplate: 'Answer using only: $search_results$',
      inferenceConfiguration: { temperature: 0, maxTokens: 512 },
      reranking: {
        model: FlowModel.fromArn('arn:aws:bedrock:us-west-2::foundation-model/amazon.rerank-v1:0'),
        numberOfRerankedResults: 3,
        metadata: RerankingMetadata.all(),
      },
      orchestration: { latency: KnowledgeBaseLatency.STANDARD },
    });

    // WHEN
    const definition = renderDefinition(stack, input.next(kb));

    // THEN
    expect(nodeOf(definition, 'AskDocs')).toStrictEqual({
      name: 'AskDocs',
      type: 'KnowledgeBase',
      configuration: {
        knowledgeBase: {
          knowledgeBaseId: 'KB12345678',
          modelId: 'us.amazon.nova-pro-v1:0',
          numberOfResults: 5,
          promptTemplate: { textPromptTemplate: 'Answer using only: $search_results$' },
          inferenceConfiguration: { text: { temperature: 0, maxTokens: 512 } },
          guardrailConfiguration: { guardrailIdentifier: 'abcd1234efgh', guardrailVersion: 'DRAFT' },
          rerankingConfiguration: {
            type: 'BEDROCK_RERANKING_MODEL',
            bedrockRerankingConfiguration: {
              modelConfiguration: { modelArn: 'arn:aws:bedrock:us-west-2::foundation-model/amazon.rerank-v1:0' },
              numberOfRerankedResults: 3,
              metadataConfiguration: { selectionMode: 'ALL' },
            },
          },
          orchestrationConfiguration: { performanceConfig: { latency: 'standard' } },
        },
      },
      inputs: [{ name: 'retrievalQuery', type: 'String', expression: '$.data' }],
      outputs: [{ name: 'outputText', type: 'String' }],
    });
    expect(kb.outputText?.type).toBe(FlowDataType.STRING);
    expect(kb.retrievalResults).toBeUndefined();
  });

  test('renders the full orchestration configuration and selective reranking metadata', () => {
    // GIVEN
    const kb = new KnowledgeBaseNode(stack, 'AskDocs', {
      knowledgeBase: KB,
      retrievalQuery: input.document,
      model: FlowModel.foundationModel('amazon.nova-pro-v1:0'),
      reranking: {
        model: FlowModel.foundationModel('amazon.rerank-v1:0'),
        metadata: RerankingMetadata.include(['title', 'author']),
        additionalModelRequestFields: { top_n: 3 },
      },
      orchestration: {
        promptTemplate: 'Rewrite the query: $query$',
        inferenceConfiguration: { topP: 0.9, stopSequences: ['END'] },
        additionalModelRequestFields: { top_k: 50 },
        latency: KnowledgeBaseLatency.OPTIMIZED,
      },
    });

    // WHEN
    const config = nodeOf(renderDefinition(stack, input.next(kb)), 'AskDocs').configuration!.knowledgeBase;

    // THEN
    expect(config.rerankingConfiguration).toStrictEqual({
      type: 'BEDROCK_RERANKING_MODEL',
      bedrockRerankingConfiguration: {
        modelConfiguration: {
          // a model id is turned into the foundation-model ARN of the stack's Region
          modelArn: { 'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, ':bedrock:us-east-1::foundation-model/amazon.rerank-v1:0']] },
          additionalModelRequestFields: { top_n: 3 },
        },
        metadataConfiguration: {
          selectionMode: 'SELECTIVE',
          selectiveModeConfiguration: { fieldsToInclude: [{ fieldName: 'title' }, { fieldName: 'author' }] },
        },
      },
    });
    expect(config.orchestrationConfiguration).toStrictEqual({
      promptTemplate: { textPromptTemplate: 'Rewrite the query: $query$' },
      inferenceConfig: { text: { topP: 0.9, stopSequences: ['END'] } },
      additionalModelRequestFields: { top_k: 50 },
      performanceConfig: { latency: 'optimized' },
    });
  });

  test('RerankingMetadata.exclude renders fieldsToExclude', () => {
    expect(RerankingMetadata.exclude(['internal'])._render()).toStrictEqual({
      selectionMode: 'SELECTIVE',
      selectiveModeConfiguration: { fieldsToExclude: [{ fieldName: 'internal' }] },
    });
  });

  test('takes the knowledge base id from a CfnKnowledgeBase', () => {
    // GIVEN
    const cfnKb = new bedrock.CfnKnowledgeBase(stack, 'Kb', {
      name: 'docs',
      roleArn: 'arn:aws:iam::111122223333:role/kb',
      knowledgeBaseConfiguration: { type: 'VECTOR', vectorKnowledgeBaseConfiguration: { embeddingModelArn: 'arn:aws:bedrock:us-east-1::foundation-model/amazon.titan-embed-text-v2:0' } },
    });

    // WHEN
    const kb = new KnowledgeBaseNode(stack, 'Find', { knowledgeBase: FlowKnowledgeBase.fromKnowledgeBaseRef(cfnKb), retrievalQuery: input.document });

    // THEN
    expect(nodeOf(renderDefinition(stack, input.next(kb)), 'Find').configuration).toStrictEqual({
      knowledgeBase: { knowledgeBaseId: { Ref: 'Kb' } },
    });
  });

  test('takes the knowledge base id from an ARN, concrete or a token', () => {
    expect(FlowKnowledgeBase.fromKnowledgeBaseArn('arn:aws:bedrock:us-east-1:111122223333:knowledge-base/KB12345678').knowledgeBaseId)
      .toBe('KB12345678');
    const tokenArn = Lazy.string({ produce: () => 'arn:aws:bedrock:us-east-1:111122223333:knowledge-base/KBTOKEN123' });
    expect(stack.resolve(FlowKnowledgeBase.fromKnowledgeBaseArn(tokenArn).knowledgeBaseId)).toStrictEqual({
      'Fn::Select': [1, { 'Fn::Split': ['/', { 'Fn::Select': [5, { 'Fn::Split': [':', 'arn:aws:bedrock:us-east-1:111122223333:knowledge-base/KBTOKEN123'] }] }] }],
    });
  });

  test('accepts tokens for numbers, templates and the knowledge base id', () => {
    // GIVEN
    const kb = new KnowledgeBaseNode(stack, 'Ask', {
      knowledgeBase: FlowKnowledgeBase.fromKnowledgeBaseId(Lazy.string({ produce: () => 'KBLAZY1234' })),
      retrievalQuery: input.document,
      model: FlowModel.foundationModel('amazon.nova-pro-v1:0'),
      numberOfResults: Lazy.number({ produce: () => 500 }),
      promptTemplate: Lazy.string({ produce: () => '' }),
      inferenceConfiguration: { temperature: Lazy.number({ produce: () => 7 }) },
    });

    // WHEN
    const config = nodeOf(renderDefinition(stack, input.next(kb)), 'Ask').configuration!.knowledgeBase;

    // THEN
    expect(config).toStrictEqual({
      knowledgeBaseId: 'KBLAZY1234',
      modelId: 'amazon.nova-pro-v1:0',
      numberOfResults: 500,
      promptTemplate: { textPromptTemplate: '' },
      inferenceConfiguration: { text: { temperature: 7 } },
    });
  });

  test('synthesizes in a Flow', () => {
    // GIVEN
    const kb = new KnowledgeBaseNode(stack, 'AskDocs', {
      knowledgeBase: KB,
      model: FlowModel.foundationModel('amazon.nova-pro-v1:0'),
      guardrail: FlowGuardrail.fromGuardrailIdentifier('abcd1234efgh', '1'),
      reranking: { model: FlowModel.foundationModel('amazon.rerank-v1:0'), numberOfRerankedResults: 2 },
      orchestration: { latency: KnowledgeBaseLatency.STANDARD },
    });

    // WHEN
    new Flow(stack, 'Flow', { definition: FlowDefinition.fromChainable(input.next(kb).next(new OutputNode(stack, 'Out'))) });

    // THEN
    Template.fromStack(stack).hasResourceProperties('AWS::Bedrock::Flow', {
      Definition: {
        Nodes: [
          { Name: 'FlowInput' },
          {
            Name: 'AskDocs',
            Type: 'KnowledgeBase',
            Configuration: {
              KnowledgeBase: {
                KnowledgeBaseId: 'KB12345678',
                ModelId: 'amazon.nova-pro-v1:0',
                GuardrailConfiguration: { GuardrailIdentifier: 'abcd1234efgh', GuardrailVersion: '1' },
                RerankingConfiguration: {
                  Type: 'BEDROCK_RERANKING_MODEL',
                  BedrockRerankingConfiguration: { NumberOfRerankedResults: 2 },
                },
                OrchestrationConfiguration: { PerformanceConfig: { Latency: 'standard' } },
              },
            },
            Outputs: [{ Name: 'outputText', Type: 'String' }],
          },
          { Name: 'Out' },
        ],
      },
    });
  });

  describe('eager checks', () => {
    test.each([0, 101, 2.5])('throws when numberOfResults is %p', (n) => {
      expect(() => new KnowledgeBaseNode(stack, 'Kb', { knowledgeBase: KB, numberOfResults: n }))
        .toThrow(/KnowledgeBase node 'Kb': numberOfResults must be a whole number from 1 to 100, got/);
    });

    test('throws when a guardrail is given without a model', () => {
      expect(() => new KnowledgeBaseNode(stack, 'Kb', { knowledgeBase: KB, guardrail: FlowGuardrail.fromGuardrailIdentifier('abc', '1') }))
        .toThrow(/`guardrail` applies only when the node generates a response: give a `model` \(RetrieveAndGenerate\).*guardrails apply to generated responses only/);
    });

    test('throws when generation settings are given without a model', () => {
      expect(() => new KnowledgeBaseNode(stack, 'Kb', {
        knowledgeBase: KB,
        promptTemplate: 'x $search_results$',
        inferenceConfiguration: { temperature: 0 },
        orchestration: {},
      })).toThrow(/`promptTemplate`, `inferenceConfiguration`, `orchestration` apply only when the node generates a response/);
    });

    test('throws when the prompt template is empty or too long', () => {
      const model = FlowModel.foundationModel('amazon.nova-pro-v1:0');
      expect(() => new KnowledgeBaseNode(stack, 'Aa', { knowledgeBase: KB, model, promptTemplate: '' }))
        .toThrow(/promptTemplate must be 1–100,000 characters, got 0/);
      expect(() => new KnowledgeBaseNode(stack, 'Bb', { knowledgeBase: KB, model, promptTemplate: 'x'.repeat(100_001) }))
        .toThrow(/promptTemplate must be 1–100,000 characters, got 100001/);
      expect(() => new KnowledgeBaseNode(stack, 'Cc', { knowledgeBase: KB, model, orchestration: { promptTemplate: '' } }))
        .toThrow(/orchestration.promptTemplate must be 1–100,000 characters/);
    });

    test('throws on inference parameters outside the PromptNode limits', () => {
      const model = FlowModel.foundationModel('amazon.nova-pro-v1:0');
      expect(() => new KnowledgeBaseNode(stack, 'Aa', { knowledgeBase: KB, model, inferenceConfiguration: { temperature: 1.5 } }))
        .toThrow(/KnowledgeBase node 'Aa': temperature must be between 0 and 1, got 1.5/);
      expect(() => new KnowledgeBaseNode(stack, 'Bb', { knowledgeBase: KB, model, inferenceConfiguration: { maxTokens: 5000 } }))
        .toThrow(/maxTokens must be between 0 and 4096, got 5000/);
      expect(() => new KnowledgeBaseNode(stack, 'Cc', { knowledgeBase: KB, model, orchestration: { inferenceConfiguration: { stopSequences: ['a', 'b', 'c', 'd', 'e'] } } }))
        .toThrow(/at most 4 orchestration.inferenceConfiguration.stopSequences are allowed, got 5/);
    });

    test('throws when the reranking model is not a foundation model', () => {
      expect(() => new KnowledgeBaseNode(stack, 'Aa', { knowledgeBase: KB, reranking: { model: FlowModel.crossRegion('us.amazon.rerank-v1:0') } }))
        .toThrow(/the reranking model must be a foundation model, not the inference profile 'us.amazon.rerank-v1:0'/);
      expect(() => new KnowledgeBaseNode(stack, 'Bb', {
        knowledgeBase: KB,
        reranking: { model: FlowModel.fromArn('arn:aws:bedrock:us-east-1:111122223333:custom-model/abc') },
      })).toThrow(/the reranking model must be a foundation model \(arn:<partition>:bedrock:<region>::foundation-model\/<id>\)/);
    });

    test('throws when numberOfRerankedResults is out of range', () => {
      expect(() => new KnowledgeBaseNode(stack, 'Aa', {
        knowledgeBase: KB,
        reranking: { model: FlowModel.foundationModel('amazon.rerank-v1:0'), numberOfRerankedResults: 0 },
      })).toThrow(/reranking.numberOfRerankedResults must be a whole number from 1 to 100, got 0/);
    });

    test('throws when reranking metadata has no or too many fields', () => {
      expect(() => RerankingMetadata.include([])).toThrow(/RerankingMetadata.include\(\) takes 1 to 100 field names, got 0/);
      expect(() => RerankingMetadata.exclude(Array.from({ length: 101 }, (_, i) => `f${i}`))).toThrow(/takes 1 to 100 field names, got 101/);
      expect(() => RerankingMetadata.include([''])).toThrow(/a field name must be 1–2000 characters, got 0/);
    });

    test('throws when the knowledge base is in another account or Region', () => {
      const other = FlowKnowledgeBase.fromKnowledgeBaseArn('arn:aws:bedrock:eu-west-1:444455556666:knowledge-base/KB12345678');
      expect(() => new KnowledgeBaseNode(stack, 'Kb', { knowledgeBase: other }))
        .toThrow(/the knowledge base is in 444455556666\/eu-west-1, but the flow's stack is in 111122223333\/us-east-1/);
    });

    test('throws on a malformed knowledge base id or ARN', () => {
      expect(() => FlowKnowledgeBase.fromKnowledgeBaseId('kb-1234')).toThrow(/'kb-1234' is not a knowledge base id \(1–10 letters and digits/);
      expect(() => FlowKnowledgeBase.fromKnowledgeBaseArn('arn:aws:bedrock:us-east-1:111122223333:agent/KB12345678'))
        .toThrow(/is not a knowledge base ARN/);
    });

    test('throws when the query is not a String', () => {
      const doc = new InputNode(testStack('Other'), 'Doc');
      expect(() => new KnowledgeBaseNode(doc, 'Kb', { knowledgeBase: KB, retrievalQuery: doc.document }))
        .toThrow(/input 'retrievalQuery' of node 'Kb' takes a String, but 'Doc.document' gives Object/);
    });
  });
});
