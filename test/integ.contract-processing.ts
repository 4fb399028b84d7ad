/*
 * Integration test: the contract-processing pipeline with its default flow (input bucket →
 * EventBridge rule → invoker → flow alias; Textract, Translate, review queue, results bucket,
 * alarms and dashboard). The committed snapshot is checked by `integ-runner` in `npm test`.
 *
 * Deploying it (`npx integ-runner --language typescript --force`) needs an account in us-east-1
 * with access to the Amazon Nova Lite and Pro models; the assertion checks that Bedrock prepared
 * the flow (which also answers whether a flow with more than 20 connections prepares).
 */
import { ExpectedResult, IntegTest } from '@aws-cdk/integ-tests-alpha';
import { App, RemovalPolicy, Stack } from 'aws-cdk-lib';
import { FlowModel } from '../src';
import { ContractProcessingPipeline } from '../src/patterns';

const app = new App();
const stack = new Stack(app, 'CdkBedrockFlowsIntegContractProcessing');

const pipeline = new ContractProcessingPipeline(stack, 'Pipeline', {
  // the stack is environment-agnostic, so name the models (the defaults follow the stack's Region)
  classificationModel: FlowModel.crossRegion('us.amazon.nova-lite-v1:0'),
  analysisModel: FlowModel.crossRegion('us.amazon.nova-pro-v1:0'),
  qualityModel: FlowModel.crossRegion('us.amazon.nova-lite-v1:0'),
  objectKeyPrefix: 'contracts/',
  objectKeySuffixes: ['.pdf', '.PDF'],
  pipelineName: 'integ-contract-processing',
  invokerReservedConcurrency: 2,
  removalPolicy: RemovalPolicy.DESTROY,
});

const integ = new IntegTest(app, 'ContractProcessing', {
  testCases: [stack],
  regions: ['us-east-1'],
});

// Bedrock prepares the flow when CloudFormation creates it: a definition the service rejects fails here
const getFlow = integ.assertions.awsApiCall('BedrockAgent', 'getFlow', { flowIdentifier: pipeline.flow.flowId });
getFlow.provider.addToRolePolicy({ Effect: 'Allow', Action: ['bedrock:GetFlow'], Resource: ['*'] });
getFlow.expect(ExpectedResult.objectLike({ status: 'Prepared' }));

app.synth();
