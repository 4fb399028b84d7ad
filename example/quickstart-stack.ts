import { CfnOutput, Stack, StackProps } from 'aws-cdk-lib';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import { Construct } from 'constructs';
import {
  ConditionNode, Flow, FlowCondition, FlowDataType, FlowDefinition, FlowModel, InputNode, LambdaFunctionNode, OutputNode, PromptNode,
} from '../src';

/**
 * The README's quick-start: classify a contract, route English contracts to a summary and the
 * rest to a Lambda function, and expose the flow through an alias an application can invoke.
 */
export class QuickstartStack extends Stack {
  public readonly flow: Flow;

  constructor(scope: Construct, id: string, props?: StackProps) {
    super(scope, id, props);

    const notify = new lambda.Function(this, 'NotifyLegal', {
      runtime: lambda.Runtime.NODEJS_22_X,
      handler: 'index.handler',
      code: lambda.Code.fromInline('exports.handler = async (event) => ({ forwarded: event.node.inputs[0].value });'),
    });

    // Nodes: typed ports, configuration in props
    const contract = new InputNode(this, 'Contract'); // contract.document: Object
    const classify = new PromptNode(this, 'Classify', {
      model: FlowModel.crossRegion('us.anthropic.claude-3-5-haiku-20241022-v1:0'),
      template: 'Reply with only the ISO 639-1 language code of this contract:\n{{text}}',
      inputs: { text: contract.document.at('$.data.text', FlowDataType.STRING) },
      inferenceConfiguration: { temperature: 0, maxTokens: 5 },
    });
    const summarize = new PromptNode(this, 'Summarize', {
      model: FlowModel.foundationModel('amazon.nova-lite-v1:0'),
      template: 'Summarize the obligations in this contract:\n{{text}}',
      inputs: { text: contract.document.at('$.data.text', FlowDataType.STRING) },
    });
    const forward = new LambdaFunctionNode(this, 'ForwardToLegal', {
      lambdaFunction: notify,
      inputs: { contract: contract.document },
    });

    // Wiring: next() for single ports, when()/otherwise() for branches
    const route = new ConditionNode(this, 'IsEnglish', { inputs: { language: classify.modelCompletion } })
      .when('English', FlowCondition.equalTo('language', 'en'), summarize.next(new OutputNode(this, 'Summary')))
      .otherwise(forward.next(new OutputNode(this, 'Forwarded')));

    this.flow = new Flow(this, 'ContractTriage', {
      definition: FlowDefinition.fromChainable(contract.next(classify).next(route)),
      description: 'Classifies a contract by language and summarizes the English ones',
    });

    // A version of the current definition, and an alias applications invoke
    const live = this.flow.addAlias('live');
    const app = new lambda.Function(this, 'ContractApi', {
      runtime: lambda.Runtime.NODEJS_22_X,
      handler: 'index.handler',
      code: lambda.Code.fromInline('exports.handler = async () => ({ statusCode: 202 });'),
      environment: { FLOW_ALIAS_ARN: live.flowAliasArn },
    });
    live.grantInvoke(app); // bedrock:InvokeFlow on the alias ARN

    new CfnOutput(this, 'FlowAliasArn', { value: live.flowAliasArn });
  }
}
