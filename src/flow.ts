import { createHash } from 'crypto';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { Annotations, ArnFormat, Aspects, CfnResource, IAspect, IResource, Lazy, Names, Resource, Stack, Token } from 'aws-cdk-lib';
import * as bedrock from 'aws-cdk-lib/aws-bedrock';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as kms from 'aws-cdk-lib/aws-kms';
import * as s3_assets from 'aws-cdk-lib/aws-s3-assets';
import { Construct, IConstruct } from 'constructs';
import { FlowDefinition } from './definition/flow-definition';
import { FlowAlias, FlowAliasOptions } from './flow-alias';
import { FlowVersion, FlowVersionOptions } from './flow-version';
import { mergePermissions } from './permissions';
import { FlowPermission, PermissionContext } from './permissions/types';
import { approximateJsonLength, withPlaceholders } from './private/definition-asset';
import { assertDescription, assertFlowStyleName } from './private/names';
import { FlowValidationResult, FlowValidationSeverity } from './validation/types';
import { formatFinding, validateFlowDefinition } from './validation/validate';

/******************************************************************************
 *                                   COMMON
 *****************************************************************************/

/** A Bedrock flow, defined in this app or imported. */
export interface IFlow extends IResource, iam.IGrantable, bedrock.IFlowRef {
  /**
   * The flow ARN.
   * @attribute
   */
  readonly flowArn: string;
  /**
   * The flow id.
   * @attribute
   */
  readonly flowId: string;

  /** Grants the given actions on the flow. */
  grant(grantee: iam.IGrantable, ...actions: string[]): iam.Grant;
}

/******************************************************************************
 *                            ABSTRACT BASE CLASS
 *****************************************************************************/

abstract class FlowBase extends Resource implements IFlow {
  public abstract readonly flowArn: string;
  public abstract readonly flowId: string;
  public abstract readonly grantPrincipal: iam.IPrincipal;

  public get flowRef(): bedrock.FlowReference {
    return { flowArn: this.flowArn };
  }

  public grant(grantee: iam.IGrantable, ...actions: string[]): iam.Grant {
    return iam.Grant.addToPrincipal({ grantee, actions, resourceArns: [this.flowArn] });
  }
}

/******************************************************************************
 *                         PROPS FOR NEW CONSTRUCT
 *****************************************************************************/

/** Properties of a Flow. */
export interface FlowProps {
  /** The nodes and connections: `FlowDefinition.fromChainable(...)`, `fromJson(...)` or `fromFile(...)`. */
  readonly definition: FlowDefinition;

  /**
   * The flow's name (letters and digits, with single `_` or `-` between them; at most 100).
   * @default - a unique name is generated
   */
  readonly flowName?: string;

  /**
   * A description (1–200 characters).
   * @default - no description
   */
  readonly description?: string;

  /**
   * The service role the flow runs as (CloudFormation `ExecutionRoleArn`). The permissions its
   * nodes need are added to it.
   * @default - a role trusted by `bedrock.amazonaws.com` for flows of this account and Region
   */
  readonly role?: iam.IRole;

  /**
   * A customer managed key to encrypt the flow with. The flow's role gets `kms:Decrypt` and
   * `kms:GenerateDataKey` on it, limited to Bedrock flows of this account.
   * @default - an AWS owned key
   */
  readonly encryptionKey?: kms.IKey;

  /**
   * Options of `currentVersion`.
   * @default - no description, and old versions are deleted when replaced
   */
  readonly currentVersionOptions?: FlowVersionOptions;

  /**
   * Tags for the test alias `TSTALIASID` that Bedrock creates with the flow.
   * @default - no tags
   */
  readonly testAliasTags?: { [key: string]: string };

  /**
   * Where the definition is deployed from: the template (CloudFormation `Definition`), or a file
   * uploaded as an S3 asset (`DefinitionS3Location`, with `DefinitionSubstitutions` for the values
   * known only at deployment).
   * @default FlowDefinitionLocation.AUTO
   */
  readonly definitionLocation?: FlowDefinitionLocation;
}

/** Where a flow's definition is deployed from. */
export enum FlowDefinitionLocation {
  /**
   * The template, unless the definition's JSON is over 200,000 characters (a fifth of CloudFormation's
   * 1 MB template limit; large inline code, say): then an S3 asset.
   */
  AUTO = 'AUTO',
  /**
   * The template (`Definition`): tokens resolve natively, and drift detection sees the definition.
   */
  TEMPLATE = 'TEMPLATE',
  /**
   * An S3 asset (`DefinitionS3Location`): the template stays small. Tokens known at synth are written
   * into the file; each value known only at deployment (an ARN of this app, a `Ref`) becomes a
   * `${CdkBedrockFlowsTokenN}` placeholder in the file and one of the flow's `DefinitionSubstitutions`
   * (at most 500). CloudFormation reads the file with the deploying credentials. A number or list known
   * only at deployment cannot be substituted as text: synth fails on it.
   */
  ASSET = 'ASSET',
}

/** Over this many characters of JSON, `FlowDefinitionLocation.AUTO` deploys the definition from an S3 asset. */
const DEFINITION_ASSET_THRESHOLD = 200_000;

/******************************************************************************
 *                        ATTRS FOR IMPORTED CONSTRUCT
 *****************************************************************************/

/** Attributes of an existing flow. */
export interface FlowAttributes {
  /** The flow ARN. */
  readonly flowArn: string;
  /**
   * The flow's service role, to grant it more permissions.
   * @default - the flow cannot be granted permissions
   */
  readonly role?: iam.IRole;
}

/******************************************************************************
 *                        NEW CONSTRUCT DEFINITION
 *****************************************************************************/

/**
 * An Amazon Bedrock flow (`AWS::Bedrock::Flow`).
 *
 * The definition is checked at synth with the rules Bedrock applies when it prepares the flow, and
 * the service role gets exactly the permissions the definition's nodes need.
 * @see https://docs.aws.amazon.com/bedrock/latest/userguide/flows.html
 */
export class Flow extends FlowBase {
  /** An existing flow, by ARN. */
  public static fromFlowArn(scope: Construct, id: string, flowArn: string): IFlow {
    return Flow.fromFlowAttributes(scope, id, { flowArn });
  }

  /** An existing flow. */
  public static fromFlowAttributes(scope: Construct, id: string, attrs: FlowAttributes): IFlow {
    const parts = Stack.of(scope).splitArn(attrs.flowArn, ArnFormat.SLASH_RESOURCE_NAME);
    if (!Token.isUnresolved(attrs.flowArn) && (parts.service !== 'bedrock' || parts.resource !== 'flow' || !/^[0-9a-zA-Z]{10}$/.test(parts.resourceName ?? ''))) {
      throw new Error(`'${attrs.flowArn}' is not a flow ARN (arn:<partition>:bedrock:<region>:<account>:flow/<flowId>)`);
    }
    class Import extends FlowBase {
      public readonly flowArn = attrs.flowArn;
      public readonly flowId = parts.resourceName!;
      public readonly grantPrincipal: iam.IPrincipal = attrs.role ?? new iam.UnknownPrincipal({ resource: this });
    }
    return new Import(scope, id, { environmentFromArn: attrs.flowArn });
  }

  /**
   * The flow ARN.
   * @attribute
   */
  public readonly flowArn: string;
  /**
   * The flow id.
   * @attribute
   */
  public readonly flowId: string;
  /** The flow's name. */
  public readonly flowName: string;
  /** The flow's service role. */
  public readonly role: iam.IRole;
  /** The principal that runs the flow's nodes: the service role. */
  public readonly grantPrincipal: iam.IPrincipal;
  /** The flow's definition. */
  public readonly definition: FlowDefinition;
  /** The key the flow is encrypted with, if any. */
  public readonly encryptionKey?: kms.IKey;
  /** The S3 asset the definition is deployed from, once synth placed it there (see `definitionLocation`). */
  public get definitionAsset(): s3_assets.Asset | undefined {
    return this._definitionAsset;
  }

  private readonly resource: bedrock.CfnFlow;
  private readonly currentVersionOptions?: FlowVersionOptions;
  private _currentVersion?: FlowVersion;
  private permissionsApplied = false;
  /** the findings of the definition as the aspect rendered it at synth */
  private findings?: FlowValidationResult[];
  private readonly ownsRole: boolean;
  private readonly definitionLocation: FlowDefinitionLocation;
  private _definitionAsset?: s3_assets.Asset;

  constructor(scope: Construct, id: string, props: FlowProps) {
    super(scope, id);
    this.flowName = props.flowName ?? Names.uniqueResourceName(this, { maxLength: 100 });
    assertFlowStyleName(this.flowName, 'flow name');
    assertDescription(props.description, `flow '${this.flowName}'`);
    this.definition = props.definition;
    this.encryptionKey = props.encryptionKey;
    this.currentVersionOptions = props.currentVersionOptions;
    this.definitionLocation = props.definitionLocation ?? FlowDefinitionLocation.AUTO;

    const stack = Stack.of(this);
    this.role = props.role ?? new iam.Role(this, 'Role', {
      description: `Service role of the Bedrock flow ${this.node.path}`,
      assumedBy: new iam.ServicePrincipal('bedrock.amazonaws.com', {
        conditions: {
          StringEquals: { 'aws:SourceAccount': stack.account },
          ArnLike: { 'aws:SourceArn': this.flowArnPattern() },
        },
      }),
    });
    this.grantPrincipal = this.role;
    this.ownsRole = props.role === undefined;

    this.resource = new bedrock.CfnFlow(this, 'Resource', {
      name: this.flowName,
      description: props.description,
      executionRoleArn: this.role.roleArn,
      // the rendering that the synth-time aspect validated and derived the permissions from, unless the graph changed since
      // (none when the aspect placed the definition in an S3 asset)
      definition: Lazy.any({ produce: () => this._definitionAsset ? undefined : this.definition._render() }),
      customerEncryptionKeyArn: props.encryptionKey?.keyArn,
      testAliasTags: props.testAliasTags,
    });
    // the role's policies must exist before Bedrock prepares the flow
    this.resource.node.addDependency(this.role);
    this.flowArn = this.resource.attrArn;
    this.flowId = this.resource.attrId;

    if (props.encryptionKey) {
      this.role.addToPrincipalPolicy(new iam.PolicyStatement({
        actions: ['kms:Decrypt', 'kms:GenerateDataKey'],
        resources: [props.encryptionKey.keyArn],
        conditions: {
          StringLike: { 'kms:EncryptionContext:aws:bedrock-flows:arn': this.flowArnPattern() },
          StringEquals: { 'kms:ViaService': `bedrock.${stack.region}.${stack.urlSuffix}` },
        },
      }));
    }

    // Permissions and warnings come from the definition as it is at synth time, so that nodes
    // connected after this constructor are included.
    const flow = this;
    Aspects.of(this).add(new class implements IAspect {
      public visit(node: IConstruct): void {
        if (node === flow) flow.applyDefinition();
      }
    }());
    this.node.addValidation({
      validate: () => (this.findings ?? validateFlowDefinition(this.definition.toJson()))
        .filter(r => r.severity === FlowValidationSeverity.ERROR)
        .map(formatFinding),
    });
  }

  /**
   * A version of the flow taken from the current definition. Its logical id carries a hash of the
   * resolved definition, role and key, so a changed definition creates a new version (and an
   * unchanged one keeps the version), as Lambda's `currentVersion` does.
   */
  public get currentVersion(): FlowVersion {
    if (this._currentVersion) return this._currentVersion;
    const version = new FlowVersion(this, 'CurrentVersion', { flow: this, ...this.currentVersionOptions });
    const cfn = version._resource as CfnResource;
    const stack = Stack.of(this);
    const originalLogicalId = stack.resolve(cfn.logicalId) as string;
    cfn.overrideLogicalId(Lazy.uncachedString({
      produce: () => `${originalLogicalId.slice(0, 255 - 16)}${this.definitionHash()}`,
    }));
    this._currentVersion = version;
    return version;
  }

  /** Adds a version of the flow: a snapshot of the definition when the version is created. */
  public addVersion(id: string, options: FlowVersionOptions = {}): FlowVersion {
    return new FlowVersion(this, id, { flow: this, ...options });
  }

  /**
   * Adds an alias, routing to the current version unless `options.version` is given.
   * @param aliasName the alias name
   */
  public addAlias(aliasName: string, options: FlowAliasOptions = {}): FlowAlias {
    return new FlowAlias(this, `Alias${aliasName.replace(/[^0-9a-zA-Z]/g, '')}`, { flow: this, aliasName, ...options });
  }

  /** Adds a statement to the flow's service role. */
  public addToRolePolicy(statement: iam.PolicyStatement): void {
    this.role.addToPrincipalPolicy(statement);
  }

  /**
   * The hash that `currentVersion` puts in its logical id: 16 hex digits of SHA-256 over the
   * resolved definition, role ARN and key ARN.
   */
  private definitionHash(): string {
    const resolved = Stack.of(this).resolve({
      definition: this.definition._render(),
      role: this.role.roleArn,
      key: this.encryptionKey?.keyArn,
    });
    return createHash('sha256').update(JSON.stringify(resolved)).digest('hex').slice(0, 16).toUpperCase();
  }

  /** `arn:<partition>:bedrock:<region>:<account>:flow/*` */
  private flowArnPattern(): string {
    return Stack.of(this).formatArn({ service: 'bedrock', resource: 'flow', resourceName: '*', arnFormat: ArnFormat.SLASH_RESOURCE_NAME });
  }

  /** Adds the permissions the definition needs to the role, and reports warnings (once, at synth). */
  private applyDefinition(): void {
    if (this.permissionsApplied) return;
    this.permissionsApplied = true;
    const stack = Stack.of(this);
    const ctx: PermissionContext = { partition: stack.partition, region: stack.region, account: stack.account };
    for (const node of this.definition._allNodes()) node._inFlow = true;
    // one rendering for the validation, the permissions and the template (`_render` keeps it)
    const json = this.definition._render();

    // one statement per set of actions (and conditions), with all the resources they apply to
    const permissions: FlowPermission[] = mergePermissions(this.definition._permissions(ctx));
    const missing: string[] = [];
    for (const p of permissions) {
      const result = this.role.addToPrincipalPolicy(new iam.PolicyStatement({
        actions: p.actions,
        resources: p.resources,
        conditions: p.conditions,
      }));
      if (!result.statementAdded) missing.push(`${p.actions.join(', ')} (${p.reason})`);
    }
    if (missing.length > 0) {
      Annotations.of(this).addWarningV2('cdk-bedrock-flows:Flow.roleNotUpdated',
        `the flow's role cannot be changed here; make sure it allows: ${missing.join('; ')}`);
    } else if (!this.ownsRole && permissions.length > 0) {
      // an immutable role silently ignores statements: say what the definition needs
      Annotations.of(this).addInfo(`the flow runs as a role it did not create; its definition needs: ${
        permissions.map(p => `${p.actions.join(', ')} (${p.reason})`).join('; ')}`);
    }
    // the synth-time validation that follows the aspects reuses these findings
    this.findings = validateFlowDefinition(json);
    for (const finding of this.findings) {
      if (finding.severity === FlowValidationSeverity.WARNING) {
        Annotations.of(this).addWarningV2(`cdk-bedrock-flows:${finding.type}`, formatFinding(finding));
      }
    }
    this.placeDefinition(json);
  }

  /** Moves the definition to an S3 asset when `definitionLocation` asks for it. */
  private placeDefinition(json: unknown): void {
    if (this.definitionLocation === FlowDefinitionLocation.TEMPLATE) return;
    if (this.definitionLocation === FlowDefinitionLocation.AUTO && approximateJsonLength(json) <= DEFINITION_ASSET_THRESHOLD) return;
    const { json: file, substitutions } = withPlaceholders(json, Stack.of(this), `Flow ${this.node.path}`);
    // the asset stages (copies) the file into the cloud assembly, named after its content
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cdk-bedrock-flows-'));
    const definitionFile = path.join(dir, 'definition.json');
    fs.writeFileSync(definitionFile, JSON.stringify(file));
    const asset = new s3_assets.Asset(this, 'DefinitionAsset', { path: definitionFile });
    this._definitionAsset = asset;
    this.resource.definitionS3Location = { bucket: asset.s3BucketName, key: asset.s3ObjectKey };
    if (Object.keys(substitutions).length > 0) this.resource.definitionSubstitutions = substitutions;
  }
}
