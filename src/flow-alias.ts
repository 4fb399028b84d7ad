import { ArnFormat, Fn, IResource, Resource, Stack, Token } from 'aws-cdk-lib';
import * as bedrock from 'aws-cdk-lib/aws-bedrock';
import * as iam from 'aws-cdk-lib/aws-iam';
import { Construct } from 'constructs';
import { Flow, IFlow } from './flow';
import { IFlowVersion } from './flow-version';
import { assertDescription, assertFlowStyleName } from './private/names';

/******************************************************************************
 *                                   COMMON
 *****************************************************************************/

/** An alias of a Bedrock flow: the stable name applications invoke. */
export interface IFlowAlias extends IResource, bedrock.IFlowAliasRef {
  /**
   * The alias ARN (`arn:...:flow/<flowId>/alias/<aliasId>`).
   * @attribute
   */
  readonly flowAliasArn: string;
  /**
   * The alias id.
   * @attribute
   */
  readonly flowAliasId: string;
  /** The flow the alias belongs to. */
  readonly flow: IFlow;

  /** Grants `bedrock:InvokeFlow` on this alias: what an application needs to run the flow. */
  grantInvoke(grantee: iam.IGrantable): iam.Grant;
  /** Grants `bedrock:StartFlowExecution` (asynchronous executions) on the flow and this alias. */
  grantStartExecution(grantee: iam.IGrantable): iam.Grant;
  /** Grants reading asynchronous executions of this alias (get, list, events, snapshot). */
  grantReadExecutions(grantee: iam.IGrantable): iam.Grant;
  /** Grants stopping asynchronous executions of this alias. */
  grantStopExecution(grantee: iam.IGrantable): iam.Grant;
  /** Grants the given actions on this alias. */
  grant(grantee: iam.IGrantable, ...actions: string[]): iam.Grant;
}

/******************************************************************************
 *                            ABSTRACT BASE CLASS
 *****************************************************************************/

abstract class FlowAliasBase extends Resource implements IFlowAlias {
  public abstract readonly flowAliasArn: string;
  public abstract readonly flowAliasId: string;
  public abstract readonly flow: IFlow;

  public get flowAliasRef(): bedrock.FlowAliasReference {
    return { flowAliasArn: this.flowAliasArn, flowArn: this.flow.flowArn };
  }

  public grantInvoke(grantee: iam.IGrantable): iam.Grant {
    return this.grant(grantee, 'bedrock:InvokeFlow');
  }

  public grantStartExecution(grantee: iam.IGrantable): iam.Grant {
    return iam.Grant.addToPrincipal({
      grantee,
      actions: ['bedrock:StartFlowExecution'],
      resourceArns: [this.flow.flowArn, this.flowAliasArn],
    });
  }

  public grantReadExecutions(grantee: iam.IGrantable): iam.Grant {
    return iam.Grant.addToPrincipal({
      grantee,
      actions: [
        'bedrock:GetFlowExecution',
        'bedrock:ListFlowExecutions',
        'bedrock:ListFlowExecutionEvents',
        'bedrock:GetExecutionFlowSnapshot',
      ],
      resourceArns: [this.flow.flowArn, this.flowAliasArn, this.executionArns()],
    });
  }

  public grantStopExecution(grantee: iam.IGrantable): iam.Grant {
    return iam.Grant.addToPrincipal({
      grantee,
      actions: ['bedrock:StopFlowExecution'],
      resourceArns: [this.flow.flowArn, this.flowAliasArn, this.executionArns()],
    });
  }

  public grant(grantee: iam.IGrantable, ...actions: string[]): iam.Grant {
    return iam.Grant.addToPrincipal({ grantee, actions, resourceArns: [this.flowAliasArn] });
  }

  private executionArns(): string {
    return `${this.flowAliasArn}/execution/*`;
  }
}

/******************************************************************************
 *                         PROPS FOR NEW CONSTRUCT
 *****************************************************************************/

/**
 * How many nodes of one invocation may run at the same time.
 */
export abstract class FlowConcurrency {
  /** Bedrock decides. */
  public static automatic(): FlowConcurrency {
    return new ConcurrencyConfig('Automatic');
  }

  /** At most `maxConcurrency` (1–100) nodes at the same time. */
  public static manual(maxConcurrency: number): FlowConcurrency {
    if (!Token.isUnresolved(maxConcurrency) && (!Number.isInteger(maxConcurrency) || maxConcurrency < 1 || maxConcurrency > 100)) {
      throw new Error(`maxConcurrency must be a whole number from 1 to 100, got ${maxConcurrency}`);
    }
    return new ConcurrencyConfig('Manual', maxConcurrency);
  }

  /** @internal */
  public abstract _render(): bedrock.CfnFlowAlias.FlowAliasConcurrencyConfigurationProperty;
}

class ConcurrencyConfig extends FlowConcurrency {
  constructor(private readonly type: string, private readonly max?: number) {
    super();
  }

  public _render(): bedrock.CfnFlowAlias.FlowAliasConcurrencyConfigurationProperty {
    return { type: this.type, maxConcurrency: this.max };
  }
}

/** Options for an alias of a flow. */
export interface FlowAliasOptions {
  /**
   * The version the alias routes to. Route to an earlier version to roll back, or keep two aliases
   * on two versions for blue/green deployments.
   * @default - the flow's current version (`flow.currentVersion`), replaced whenever the definition changes
   */
  readonly version?: IFlowVersion;

  /**
   * A description of the alias (1–200 characters).
   * @default - no description
   */
  readonly description?: string;

  /**
   * How many nodes of one invocation run at the same time.
   * @default - the service default (automatic)
   */
  readonly concurrency?: FlowConcurrency;
}

/** Properties of a FlowAlias. */
export interface FlowAliasProps extends FlowAliasOptions {
  /** The flow. */
  readonly flow: IFlow;

  /**
   * The alias name (letters, digits, and single `_` or `-` between them; at most 100).
   * @default - the construct id
   */
  readonly aliasName?: string;
}

/******************************************************************************
 *                        ATTRS FOR IMPORTED CONSTRUCT
 *****************************************************************************/

/** Attributes of an existing flow alias. */
export interface FlowAliasAttributes {
  /** The alias ARN (`arn:<partition>:bedrock:<region>:<account>:flow/<flowId>/alias/<aliasId>`). */
  readonly flowAliasArn: string;
  /**
   * The flow.
   * @default - imported from the flow ARN contained in the alias ARN
   */
  readonly flow?: IFlow;
}

/******************************************************************************
 *                        NEW CONSTRUCT DEFINITION
 *****************************************************************************/

/**
 * An alias of a Bedrock flow (`AWS::Bedrock::FlowAlias`), routing invocations to one version.
 * @see https://docs.aws.amazon.com/bedrock/latest/userguide/flows-deploy.html
 */
export class FlowAlias extends FlowAliasBase {
  /** An existing alias, by ARN. */
  public static fromFlowAliasAttributes(scope: Construct, id: string, attrs: FlowAliasAttributes): IFlowAlias {
    const aliasArn = attrs.flowAliasArn;
    const parts = Stack.of(scope).splitArn(aliasArn, ArnFormat.SLASH_RESOURCE_NAME);
    if (!Token.isUnresolved(aliasArn) && (parts.resource !== 'flow' || !/^[0-9a-zA-Z]{10}\/alias\/([0-9a-zA-Z]{10}|TSTALIASID)$/.test(parts.resourceName ?? ''))) {
      throw new Error(`'${aliasArn}' is not a flow alias ARN (arn:<partition>:bedrock:<region>:<account>:flow/<flowId>/alias/<aliasId>)`);
    }
    const segments = Token.isUnresolved(aliasArn) ? undefined : parts.resourceName!.split('/');
    const flowId = segments ? segments[0] : Fn.select(0, Fn.split('/', parts.resourceName!));
    const aliasId = segments ? segments[2] : Fn.select(2, Fn.split('/', parts.resourceName!));
    const flow = attrs.flow ?? Flow.fromFlowArn(scope, `${id}Flow`, Stack.of(scope).formatArn({
      service: 'bedrock',
      resource: 'flow',
      resourceName: flowId,
      region: parts.region,
      account: parts.account,
      partition: parts.partition,
      arnFormat: ArnFormat.SLASH_RESOURCE_NAME,
    }));
    class Import extends FlowAliasBase {
      public readonly flowAliasArn = aliasArn;
      public readonly flowAliasId = aliasId;
      public readonly flow = flow;
    }
    return new Import(scope, id, { environmentFromArn: aliasArn });
  }

  /**
   * The alias ARN, from `Fn::GetAtt Arn` (the alias `Ref` is ambiguous and never parsed).
   * @attribute
   */
  public readonly flowAliasArn: string;
  /**
   * The alias id.
   * @attribute
   */
  public readonly flowAliasId: string;
  /** The flow. */
  public readonly flow: IFlow;
  /** The version the alias routes to. */
  public readonly version: IFlowVersion;

  constructor(scope: Construct, id: string, props: FlowAliasProps) {
    super(scope, id);
    const aliasName = props.aliasName ?? id;
    assertFlowStyleName(aliasName, 'alias name');
    assertDescription(props.description, `alias '${aliasName}'`);
    this.flow = props.flow;
    this.version = props.version ?? currentVersionOf(props.flow, aliasName);
    if (this.version.flow !== props.flow) {
      throw new Error(`alias '${aliasName}' routes to a version of another flow; use a version of this alias's flow`);
    }
    const resource = new bedrock.CfnFlowAlias(this, 'Resource', {
      name: aliasName,
      flowArn: props.flow.flowArn,
      description: props.description,
      routingConfiguration: [{ flowVersion: this.version.version }],
      concurrencyConfiguration: props.concurrency?._render(),
    });
    this.flowAliasArn = resource.attrArn;
    this.flowAliasId = resource.attrId;
  }
}

function currentVersionOf(flow: IFlow, aliasName: string): IFlowVersion {
  const current = (flow as { currentVersion?: IFlowVersion }).currentVersion;
  if (!current) {
    throw new Error(`alias '${aliasName}': the flow is imported, so it has no current version here; pass \`version\` (FlowVersion.fromFlowVersionAttributes)`);
  }
  return current;
}
