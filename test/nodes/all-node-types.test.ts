import { Template } from 'aws-cdk-lib/assertions';
import * as s3 from 'aws-cdk-lib/aws-s3';
import {
  AgentNode, Flow, FlowCondition, FlowDataType, FlowDefinition, InlineCodeNode, InputNode, IteratorNode, KnowledgeBaseNode,
  LexNode, LoopControllerNode, LoopNode, OutputNode, RetrievalNode, StorageNode,
} from '../../src';
import { FlowAgentAlias, FlowKnowledgeBase } from '../../src/targets';
import { validateFlowDefinition } from '../../src/validation/validate';
import { partitionArn } from '../permissions/helpers';
import { testStack } from '../util/render';

describe('a flow with every target node type', () => {
  test('validates, synthesizes and grants exactly what its nodes need', () => {
    // GIVEN
    const stack = testStack();
    const bucket = new s3.Bucket(stack, 'Bucket', { enforceSSL: true });
    const doc = new InputNode(stack, 'FlowInput');
    const str = (path: string) => doc.document.at(path, FlowDataType.STRING);

    const intent = new LexNode(stack, 'DetectIntent', {
      botAliasArn: 'arn:aws:lex:us-east-1:111122223333:bot-alias/BOTID12345/ALIAS12345', localeId: 'en_US', inputText: str('$.data.utterance'),
    });
    const agent = new AgentNode(stack, 'Concierge', {
      agentAlias: FlowAgentAlias.fromAgentAliasArn('arn:aws:bedrock:us-east-1:111122223333:agent-alias/AGENT12345/ALIAS12345'),
      agentInputText: intent.predictedIntent,
    });
    const chunks = new KnowledgeBaseNode(stack, 'FindChunks', {
      knowledgeBase: FlowKnowledgeBase.fromKnowledgeBaseId('KB12345678'), retrievalQuery: str('$.data.question'),
    });
    const each = new IteratorNode(stack, 'EachChunk', { array: chunks.retrievalResults! });
    const summarize = new InlineCodeNode(stack, 'Summarize', { code: 'str(arrayItem)[:100]', responseType: FlowDataType.STRING });
    each.next(summarize);
    const gather = each.collect(stack, 'Gather', { arrayItem: summarize.response });
    const save = new StorageNode(stack, 'Save', { bucket, keyPrefix: 'out/', content: gather.collectedArray, objectKey: str('$.data.outKey') });
    const load = new RetrievalNode(stack, 'Load', { bucket, objectKey: str('$.data.inKey') });
    const loop = new LoopNode(stack, 'Refine', { inputs: { draft: load.s3Content } });
    const shorten = new InlineCodeNode(loop, 'Shorten', { code: 'draft[:-10]', responseType: FlowDataType.STRING, inputs: { draft: loop.loopInput.output('draft') } });
    const measure = new InlineCodeNode(loop, 'Measure', { code: 'len(text)', responseType: FlowDataType.NUMBER, inputs: { text: shorten.response } });
    new LoopControllerNode(loop, 'Gate', {
      continueCondition: FlowCondition.greaterThan('size', 100),
      conditionInputs: { size: measure.response },
      returnValues: { draft: shorten.response },
      exitValues: { result: shorten.response },
      maxIterations: 20,
    });
    new OutputNode(stack, 'AgentOut', { document: agent.agentResponse });
    new OutputNode(stack, 'SavedOut', { document: save.s3Uri });
    new OutputNode(stack, 'LoopOut', { document: loop.output('result') });

    // WHEN
    const definition = FlowDefinition.fromChainable(doc);
    new Flow(stack, 'Flow', { definition });
    const template = Template.fromStack(stack);

    // THEN
    expect(validateFlowDefinition(definition.toJson()).filter(f => f.severity === 'Error')).toStrictEqual([]);
    const bucketRef = { Ref: stack.getLogicalId(bucket.node.defaultChild as s3.CfnBucket) };
    const objects = (prefix: string) => ({ 'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, ':s3:::', bucketRef, `/${prefix}*`]] });
    template.hasResourceProperties('AWS::IAM::Policy', {
      PolicyDocument: {
        Statement: [
          { Effect: 'Allow', Action: 'lex:RecognizeUtterance', Resource: 'arn:aws:lex:us-east-1:111122223333:bot-alias/BOTID12345/ALIAS12345' },
          { Effect: 'Allow', Action: 'bedrock:Retrieve', Resource: partitionArn(':bedrock:us-east-1:111122223333:knowledge-base/KB12345678') },
          { Effect: 'Allow', Action: 's3:PutObject', Resource: objects('out/') },
          { Effect: 'Allow', Action: 's3:GetObject', Resource: objects('') },
          { Effect: 'Allow', Action: 'bedrock:InvokeAgent', Resource: 'arn:aws:bedrock:us-east-1:111122223333:agent-alias/AGENT12345/ALIAS12345' },
        ],
      },
    });
  });
});
