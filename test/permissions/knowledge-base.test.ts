import { Stack } from 'aws-cdk-lib';
import { CTX, expectFlowStatements, partitionArn } from './helpers';
import { FlowDataType, FlowGuardrail, FlowModel, InputNode, KnowledgeBaseNode, OutputNode } from '../../src';
import { deriveFlowPermissions } from '../../src/permissions';
import { FlowKnowledgeBase } from '../../src/targets';
import { testStack } from '../util/render';

const KB = FlowKnowledgeBase.fromKnowledgeBaseId('KB12345678');
const KB_ARN = partitionArn(':bedrock:us-east-1:111122223333:knowledge-base/KB12345678');

describe('KnowledgeBase node permissions', () => {
  let stack: Stack;
  let input: InputNode;
  beforeEach(() => {
    stack = testStack();
    input = new InputNode(stack, 'FlowInput', { type: FlowDataType.STRING });
  });

  test('a retrieve-only node gets bedrock:Retrieve on the knowledge base only', () => {
    // GIVEN
    const kb = new KnowledgeBaseNode(stack, 'Find', { knowledgeBase: KB });

    // WHEN / THEN
    expectFlowStatements(stack, input.next(kb).next(new OutputNode(stack, 'Out')), [
      { Action: 'bedrock:Retrieve', Resource: KB_ARN },
    ]);
  });

  test('a node with a model also gets RetrieveAndGenerate on * and InvokeModel on the model', () => {
    // GIVEN
    const kb = new KnowledgeBaseNode(stack, 'Ask', { knowledgeBase: KB, model: FlowModel.foundationModel('amazon.nova-pro-v1:0') });

    // WHEN / THEN
    expectFlowStatements(stack, input.next(kb).next(new OutputNode(stack, 'Out')), [
      { Action: 'bedrock:Retrieve', Resource: KB_ARN },
      { Action: 'bedrock:RetrieveAndGenerate', Resource: '*' },
      { Action: 'bedrock:InvokeModel', Resource: partitionArn(':bedrock:us-east-1::foundation-model/amazon.nova-pro-v1:0') },
    ]);
  });

  test('a guardrail adds ApplyGuardrail on the guardrail, and reranking adds Rerank on * and InvokeModel on the reranker', () => {
    // GIVEN
    const kb = new KnowledgeBaseNode(stack, 'Ask', {
      knowledgeBase: KB,
      model: FlowModel.crossRegion('us.amazon.nova-pro-v1:0'),
      guardrail: FlowGuardrail.fromGuardrailIdentifier('abcd1234efgh', '2'),
      reranking: { model: FlowModel.fromArn('arn:aws:bedrock:us-west-2::foundation-model/amazon.rerank-v1:0') },
    });

    // WHEN / THEN
    expectFlowStatements(stack, input.next(kb).next(new OutputNode(stack, 'Out')), [
      { Action: 'bedrock:Retrieve', Resource: KB_ARN },
      { Action: 'bedrock:RetrieveAndGenerate', Resource: '*' },
      {
        // the reranker's InvokeModel joins the model's statement: one statement per set of actions
        Action: 'bedrock:InvokeModel',
        Resource: [
          partitionArn(':bedrock:us-east-1:111122223333:inference-profile/us.amazon.nova-pro-v1:0'),
          partitionArn(':bedrock:*::foundation-model/amazon.nova-pro-v1:0'),
          'arn:aws:bedrock:us-west-2::foundation-model/amazon.rerank-v1:0',
        ],
      },
      { Action: 'bedrock:ApplyGuardrail', Resource: partitionArn(':bedrock:us-east-1:111122223333:guardrail/abcd1234efgh') },
      { Action: 'bedrock:Rerank', Resource: '*' },
    ]);
  });

  test('an application inference profile also grants its underlying models', () => {
    // GIVEN
    const profile = 'arn:aws:bedrock:us-east-1:111122223333:application-inference-profile/abc123';
    const kb = new KnowledgeBaseNode(stack, 'Ask', {
      knowledgeBase: KB,
      model: FlowModel.applicationInferenceProfile(profile, ['arn:aws:bedrock:us-east-1::foundation-model/amazon.nova-pro-v1:0']),
    });

    // WHEN / THEN
    expectFlowStatements(stack, input.next(kb).next(new OutputNode(stack, 'Out')), [
      { Action: 'bedrock:Retrieve', Resource: KB_ARN },
      { Action: 'bedrock:RetrieveAndGenerate', Resource: '*' },
      { Action: ['bedrock:InvokeModel', 'bedrock:GetInferenceProfile'], Resource: profile },
      { Action: 'bedrock:InvokeModel', Resource: 'arn:aws:bedrock:us-east-1::foundation-model/amazon.nova-pro-v1:0' },
    ]);
  });

  test('derives the same permissions from a JSON definition', () => {
    // GIVEN
    const definition = {
      nodes: [{
        name: 'AskDocs',
        type: 'KnowledgeBase',
        configuration: {
          knowledgeBase: {
            knowledgeBaseId: 'KB12345678',
            modelId: 'anthropic.claude-3-haiku-20240307-v1:0',
            guardrailConfiguration: { guardrailIdentifier: 'arn:aws:bedrock:us-east-1:111122223333:guardrail/abcd1234efgh', guardrailVersion: '1' },
            rerankingConfiguration: {
              type: 'BEDROCK_RERANKING_MODEL',
              bedrockRerankingConfiguration: { modelConfiguration: { modelArn: 'arn:aws:bedrock:us-east-1::foundation-model/cohere.rerank-v3-5:0' } },
            },
          },
        },
      }],
    };

    // WHEN
    const permissions = deriveFlowPermissions(definition, CTX).map(p => [p.actions, p.resources]);

    // THEN
    expect(permissions).toStrictEqual([
      [['bedrock:Retrieve'], ['arn:aws:bedrock:us-east-1:111122223333:knowledge-base/KB12345678']],
      [['bedrock:RetrieveAndGenerate'], ['*']],
      [['bedrock:InvokeModel'], ['arn:aws:bedrock:us-east-1::foundation-model/anthropic.claude-3-haiku-20240307-v1:0']],
      [['bedrock:ApplyGuardrail'], ['arn:aws:bedrock:us-east-1:111122223333:guardrail/abcd1234efgh']],
      [['bedrock:Rerank'], ['*']],
      [['bedrock:InvokeModel'], ['arn:aws:bedrock:us-east-1::foundation-model/cohere.rerank-v3-5:0']],
    ]);
  });

  test('derives nothing from a node without a knowledge base id', () => {
    expect(deriveFlowPermissions({ nodes: [{ name: 'Kb', type: 'KnowledgeBase', configuration: { knowledgeBase: {} } }] }, CTX)).toStrictEqual([]);
  });

  test('uses a token knowledge base id as it is', () => {
    // GIVEN
    const kb = new KnowledgeBaseNode(stack, 'Find', { knowledgeBase: FlowKnowledgeBase.fromKnowledgeBaseId('${KbId}') });

    // WHEN
    const permissions = deriveFlowPermissions({ nodes: [stack.resolve(kb._renderNode())] }, CTX);

    // THEN
    expect(permissions[0].resources).toStrictEqual(['arn:aws:bedrock:us-east-1:111122223333:knowledge-base/${KbId}']);
  });
});
