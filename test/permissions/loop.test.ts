import * as kms from 'aws-cdk-lib/aws-kms';
import { CTX, expectFlowStatements, partitionArn } from './helpers';
import {
  AgentNode, FlowCondition, FlowDataType, FlowModel, InputNode, LoopControllerNode, LoopNode, OutputNode, PromptNode, StorageNode,
} from '../../src';
import { deriveFlowPermissions } from '../../src/permissions';
import { FlowAgentAlias } from '../../src/targets';
import { testStack } from '../util/render';

const ALIAS_ARN = 'arn:aws:bedrock:us-east-1:111122223333:agent-alias/AGENT12345/ALIAS12345';

describe('Loop body permissions', () => {
  test('the nodes of a loop body get their permissions, including those the JSON cannot tell', () => {
    // GIVEN
    const stack = testStack();
    const input = new InputNode(stack, 'FlowInput', { type: FlowDataType.STRING });
    const loop = new LoopNode(stack, 'Refine', { inputs: { draft: input.document } });
    const improve = new PromptNode(loop, 'Improve', {
      model: FlowModel.foundationModel('amazon.nova-lite-v1:0'),
      template: 'Improve: {{draft}}',
      inputs: { draft: loop.loopInput.output('draft') },
    });
    const review = new AgentNode(loop, 'Review', { agentAlias: FlowAgentAlias.fromAgentAliasArn(ALIAS_ARN), agentInputText: improve.modelCompletion });
    const key = kms.Key.fromKeyArn(stack, 'Key', 'arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab');
    const save = new StorageNode(loop, 'SaveDraft', { bucketName: 'drafts-bucket', encryptionKey: key, content: improve.modelCompletion, objectKey: review.agentResponse });
    new LoopControllerNode(loop, 'Gate', {
      continueCondition: FlowCondition.equalTo('verdict', 'revise'),
      conditionInputs: { verdict: review.agentResponse },
      returnValues: { draft: improve.modelCompletion },
      exitValues: { result: save.s3Uri },
    });

    // WHEN / THEN
    expectFlowStatements(stack, input.next(loop).next(new OutputNode(stack, 'Out')), [
      { Action: 'bedrock:InvokeModel', Resource: partitionArn(':bedrock:us-east-1::foundation-model/amazon.nova-lite-v1:0') },
      { Action: 'bedrock:InvokeAgent', Resource: ALIAS_ARN },
      { Action: 's3:PutObject', Resource: partitionArn(':s3:::drafts-bucket/*') },
      { Action: 'kms:GenerateDataKey', Resource: 'arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab' },
    ]);
  });

  test('derives the permissions of a loop body from a JSON definition', () => {
    const definition = {
      nodes: [{
        name: 'Refine',
        type: 'Loop',
        configuration: {
          loop: {
            definition: {
              nodes: [
                { name: 'LoopInput', type: 'LoopInput', configuration: { loopInput: {} } },
                { name: 'Detect', type: 'Lex', configuration: { lex: { botAliasArn: 'arn:aws:lex:us-east-1:111122223333:bot-alias/B1/A1', localeId: 'en_US' } } },
                { name: 'Load', type: 'Retrieval', configuration: { retrieval: { serviceConfiguration: { s3: { bucketName: 'in-bucket' } } } } },
              ],
            },
          },
        },
      }],
    };
    expect(deriveFlowPermissions(definition, CTX).map(p => [p.actions, p.resources])).toStrictEqual([
      [['lex:RecognizeUtterance'], ['arn:aws:lex:us-east-1:111122223333:bot-alias/B1/A1']],
      [['s3:GetObject'], ['arn:aws:s3:::in-bucket/*']],
    ]);
  });
});
