import { Annotations, Stack, Token } from 'aws-cdk-lib';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import { Construct } from 'constructs';
import { FlowNodeProps, NextableFlowNode } from './flow-node';
import { FlowDataType } from '../definition/data-type';
import { FlowOutput } from '../definition/ports';

/** Properties of a LambdaFunctionNode. */
export interface LambdaFunctionNodeProps extends FlowNodeProps {
  /**
   * The function to invoke: a `lambda.IFunction` (a version or alias invokes that qualifier), an L1
   * `lambda.CfnFunction`, or a reference such as `lambda.CfnFunction.fromFunctionArn(this, 'Fn', arn)`,
   * which costs less to create than `lambda.Function.fromFunctionArn` when the ARN is all you have.
   *
   * The flow's service role gets `lambda:InvokeFunction` on it. For a function in another account,
   * its owner must also allow the flow's role in the function's resource policy.
   */
  readonly lambdaFunction: lambda.IFunctionRef;

  /**
   * The node's inputs, by name. The function receives them as `event.node.inputs[]`
   * (`{ name, type, expression, value }`).
   * @default - none; `previous.next(node)` adds one named after the previous node's output
   */
  readonly inputs?: { [name: string]: FlowOutput };

  /**
   * The type of what the function returns (the node's `functionResponse`).
   * @default FlowDataType.OBJECT
   */
  readonly responseType?: FlowDataType;
}

/**
 * Invokes a Lambda function with the node's inputs; the function's return value is the node's output.
 * @see https://docs.aws.amazon.com/bedrock/latest/userguide/flows-nodes.html
 */
export class LambdaFunctionNode extends NextableFlowNode {
  /** What the function returned. */
  public readonly functionResponse: FlowOutput;
  /** The function the node invokes. */
  public readonly lambdaFunction: lambda.IFunctionRef;

  constructor(scope: Construct, id: string, props: LambdaFunctionNodeProps) {
    super(scope, id, 'LambdaFunction', props);
    this.lambdaFunction = props.lambdaFunction;
    const account = props.lambdaFunction.env.account;
    const flowAccount = Stack.of(this).account;
    if (!Token.isUnresolved(account) && !Token.isUnresolved(flowAccount) && account !== flowAccount) {
      // Bedrock invokes the function as the flow's service role: the function's own policy must allow it
      const fnArn = props.lambdaFunction.functionRef.functionArn;
      Annotations.of(this).addWarningV2('cdk-bedrock-flows:LambdaFunctionNode.crossAccount',
        `the function ${Token.isUnresolved(fnArn) ? props.lambdaFunction.node.path : fnArn} is in account ${account}, not the flow's account ${flowAccount}: its resource policy must `
        + 'allow lambda:InvokeFunction for the flow\'s service role (principal = the role ARN). In a stack of account '
        + `${account}, add new FlowLambdaPermission(scope, 'AllowFlow', { lambdaFunction, flowRoleArn }) with the ARN of the flow's role `
        + '(give the Flow a `role` with a fixed name so that the ARN is known)');
    }
    this.addInputs(props.inputs);
    this.functionResponse = this.addOutput('functionResponse', props.responseType ?? FlowDataType.OBJECT);
  }

  /** @internal */
  public _acceptsImplicitInput(): boolean {
    return true;
  }

  protected renderConfiguration(): any {
    return { lambdaFunction: { lambdaArn: this.lambdaFunction.functionRef.functionArn } };
  }
}
