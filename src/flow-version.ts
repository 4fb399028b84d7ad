import { IResource, RemovalPolicy, Resource, Token } from 'aws-cdk-lib';
import * as bedrock from 'aws-cdk-lib/aws-bedrock';
import { Construct } from 'constructs';
import type { IFlow } from './flow';
import { assertDescription } from './private/names';

/******************************************************************************
 *                                   COMMON
 *****************************************************************************/

/** A version of a Bedrock flow: an immutable snapshot of its definition. */
export interface IFlowVersion extends IResource, bedrock.IFlowVersionRef {
  /** The flow this is a version of. */
  readonly flow: IFlow;
  /**
   * The version number (or `DRAFT`).
   * @attribute
   */
  readonly version: string;
}

/******************************************************************************
 *                         PROPS FOR NEW CONSTRUCT
 *****************************************************************************/

/** Options for a flow version. */
export interface FlowVersionOptions {
  /**
   * A description of the version (1–200 characters).
   * @default - no description
   */
  readonly description?: string;

  /**
   * What happens to the version when it is removed from the stack, or replaced because the
   * definition changed. Retain old versions that aliases outside this stack may still route to.
   * @default RemovalPolicy.DESTROY
   */
  readonly removalPolicy?: RemovalPolicy;
}

/** Properties of a FlowVersion. */
export interface FlowVersionProps extends FlowVersionOptions {
  /** The flow to take the version of. */
  readonly flow: IFlow;
}

/******************************************************************************
 *                        ATTRS FOR IMPORTED CONSTRUCT
 *****************************************************************************/

/** Attributes of an existing flow version. */
export interface FlowVersionAttributes {
  /** The flow. */
  readonly flow: IFlow;
  /** The version number, or `DRAFT`. */
  readonly version: string;
}

/******************************************************************************
 *                        NEW CONSTRUCT DEFINITION
 *****************************************************************************/

/**
 * A version of a Bedrock flow (`AWS::Bedrock::FlowVersion`).
 *
 * A version is a snapshot taken when it is created and never changes. Use `flow.currentVersion`
 * to get a version that is replaced whenever the flow's definition changes; create `FlowVersion`s
 * yourself to pin a snapshot (for blue/green deployments and rollback).
 * @see https://docs.aws.amazon.com/bedrock/latest/userguide/flows-deploy.html
 */
export class FlowVersion extends Resource implements IFlowVersion {
  /** An existing version of a flow, by number (or `DRAFT`), for example to roll an alias back to it. */
  public static fromFlowVersionAttributes(scope: Construct, id: string, attrs: FlowVersionAttributes): IFlowVersion {
    if (!Token.isUnresolved(attrs.version) && !/^(DRAFT|[0-9]{0,4}[1-9][0-9]{0,4})$/.test(attrs.version)) {
      throw new Error(`flow version '${attrs.version}' is not valid: use a version number or 'DRAFT'`);
    }
    class Import extends Resource implements IFlowVersion {
      public readonly flow = attrs.flow;
      public readonly version = attrs.version;
      public get flowVersionRef(): bedrock.FlowVersionReference {
        return { flowArn: this.flow.flowArn, version: this.version };
      }
    }
    return new Import(scope, id);
  }

  /** The flow this is a version of. */
  public readonly flow: IFlow;
  /**
   * The version number.
   * @attribute
   */
  public readonly version: string;

  /** @internal */
  public readonly _resource: bedrock.CfnFlowVersion;

  constructor(scope: Construct, id: string, props: FlowVersionProps) {
    super(scope, id);
    assertDescription(props.description, `flow version '${id}'`);
    this.flow = props.flow;
    this._resource = new bedrock.CfnFlowVersion(this, 'Resource', {
      flowArn: props.flow.flowArn,
      description: props.description,
    });
    this._resource.applyRemovalPolicy(props.removalPolicy ?? RemovalPolicy.DESTROY);
    this.version = this._resource.attrVersion;
  }

  /** A reference to this version. */
  public get flowVersionRef(): bedrock.FlowVersionReference {
    return { flowArn: this.flow.flowArn, version: this.version };
  }
}
