import { Arn, ArnFormat, Token } from 'aws-cdk-lib';
import * as bedrock from 'aws-cdk-lib/aws-bedrock';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import { Construct } from 'constructs';
import { AGENT_ALIAS_ARN, KNOWLEDGE_BASE_ID } from './private/cfn-patterns';
import { isUnresolved } from './private/tokens';

/******************************************************************************
 *                              KNOWLEDGE BASE
 *****************************************************************************/

const KNOWLEDGE_BASE_ARN = /^arn:aws(-[^:]+)?:bedrock:([a-z0-9-]{1,20}):([0-9]{12}):knowledge-base\/([0-9a-zA-Z]{1,10})$/;

/**
 * The knowledge base a KnowledgeBase node queries.
 *
 * The flow definition names a knowledge base by id, so it must be in the flow's account and Region.
 * The flow's role gets `bedrock:Retrieve` on it.
 * @see https://docs.aws.amazon.com/bedrock/latest/userguide/knowledge-base.html
 */
export class FlowKnowledgeBase {
  /**
   * A knowledge base reference: a `CfnKnowledgeBase` of this app, or a knowledge base from another library.
   */
  public static fromKnowledgeBaseRef(knowledgeBase: bedrock.IKnowledgeBaseRef): FlowKnowledgeBase {
    const ref = knowledgeBase.knowledgeBaseRef;
    return new FlowKnowledgeBase(ref.knowledgeBaseId, knowledgeBase.env?.account, knowledgeBase.env?.region);
  }

  /**
   * A knowledge base in the flow's account and Region, by id (up to 10 letters and digits, e.g. `KB12345678`).
   */
  public static fromKnowledgeBaseId(knowledgeBaseId: string): FlowKnowledgeBase {
    if (!isUnresolved(knowledgeBaseId) && !KNOWLEDGE_BASE_ID.test(knowledgeBaseId)) {
      throw new Error(`'${knowledgeBaseId}' is not a knowledge base id (1–10 letters and digits, e.g. 'KB12345678')`);
    }
    return new FlowKnowledgeBase(knowledgeBaseId);
  }

  /**
   * A knowledge base by ARN (`arn:<partition>:bedrock:<region>:<account>:knowledge-base/<id>`). It must be
   * in the flow's account and Region.
   */
  public static fromKnowledgeBaseArn(knowledgeBaseArn: string): FlowKnowledgeBase {
    if (Token.isUnresolved(knowledgeBaseArn)) {
      const parts = Arn.split(knowledgeBaseArn, ArnFormat.SLASH_RESOURCE_NAME);
      return new FlowKnowledgeBase(parts.resourceName!);
    }
    const m = KNOWLEDGE_BASE_ARN.exec(knowledgeBaseArn);
    if (!m) {
      throw new Error(`'${knowledgeBaseArn}' is not a knowledge base ARN (arn:<partition>:bedrock:<region>:<account>:knowledge-base/<id>)`);
    }
    return new FlowKnowledgeBase(m[4], m[3], m[2]);
  }

  private constructor(
    /** The knowledge base id, as the node's `knowledgeBaseId`. */
    public readonly knowledgeBaseId: string,
    /** @internal the account of the knowledge base, when known */
    public readonly _account?: string,
    /** @internal the Region of the knowledge base, when known */
    public readonly _region?: string,
  ) {}
}

/******************************************************************************
 *                               AGENT ALIAS
 *****************************************************************************/

/**
 * The agent alias an Agent node invokes. The flow's role gets `bedrock:InvokeAgent` on it.
 * @see https://docs.aws.amazon.com/bedrock/latest/userguide/agents.html
 */
export class FlowAgentAlias {
  /** An agent alias reference: a `CfnAgentAlias` of this app, or an alias from another library. */
  public static fromAgentAliasRef(agentAlias: bedrock.IAgentAliasRef): FlowAgentAlias {
    return new FlowAgentAlias(agentAlias.agentAliasRef.agentAliasArn);
  }

  /**
   * An agent alias by ARN (`arn:<partition>:bedrock:<region>:<account>:agent-alias/<agentId>/<aliasId>`).
   */
  public static fromAgentAliasArn(agentAliasArn: string): FlowAgentAlias {
    if (!isUnresolved(agentAliasArn) && !AGENT_ALIAS_ARN.test(agentAliasArn)) {
      throw new Error(`'${agentAliasArn}' is not an agent alias ARN (arn:<partition>:bedrock:<region>:<account>:agent-alias/<agentId>/<aliasId>, `
        + 'both ids 10 letters and digits)');
    }
    return new FlowAgentAlias(agentAliasArn);
  }

  private constructor(
    /** The agent alias ARN, as the node's `agentAliasArn`. */
    public readonly agentAliasArn: string,
  ) {}
}

/******************************************************************************
 *                      CROSS-ACCOUNT LAMBDA PERMISSION
 *****************************************************************************/

/** Properties of a FlowLambdaPermission. */
export interface FlowLambdaPermissionProps {
  /**
   * The function a flow in another account invokes (a version or alias ARN allows that qualifier only):
   * a `lambda.IFunction`, an L1 `lambda.CfnFunction` or a reference such as `lambda.CfnFunction.fromFunctionArn(...)`.
   */
  readonly lambdaFunction: lambda.IFunctionRef;

  /**
   * The ARN of the flow's service role, for example `arn:aws:iam::111122223333:role/contract-flow-role`.
   * Give the flow a role with a fixed name (`Flow` `role` prop) so that the ARN is known here.
   */
  readonly flowRoleArn: string;
}

/**
 * Allows a flow's service role to invoke a Lambda function in another account: adds
 * `lambda:InvokeFunction` for the role to the function's resource policy (`AWS::Lambda::Permission`).
 *
 * Since 2024-11-22 Bedrock invokes a LambdaFunction node's function as the flow's service role, so
 * a function in another account needs both the role's own permission (the flow adds it) and this
 * resource policy. Create it in a stack of the function's account.
 * @see https://docs.aws.amazon.com/bedrock/latest/userguide/flow-cross-account-lambda.html
 */
export class FlowLambdaPermission extends Construct {
  /** The function whose resource policy allows the flow's role. */
  public readonly lambdaFunction: lambda.IFunctionRef;

  constructor(scope: Construct, id: string, props: FlowLambdaPermissionProps) {
    super(scope, id);
    if (!isUnresolved(props.flowRoleArn) && !/^arn:aws[a-zA-Z-]*:iam::[0-9]{12}:role\/.+$/.test(props.flowRoleArn)) {
      throw new Error(`'${props.flowRoleArn}' is not an IAM role ARN (arn:<partition>:iam::<account>:role/<name>)`);
    }
    this.lambdaFunction = props.lambdaFunction;
    new lambda.CfnPermission(this, 'Resource', {
      action: 'lambda:InvokeFunction',
      functionName: props.lambdaFunction.functionRef.functionArn,
      principal: props.flowRoleArn,
    });
  }
}
