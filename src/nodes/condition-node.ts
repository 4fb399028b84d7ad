import { Construct } from 'constructs';
import { FlowNode, FlowNodeProps, IFlowChainable, IFlowNextable } from './flow-node';
import { enclosingLoop } from './private/loop-boundary';
import { FlowCondition } from '../definition/condition';
import { markGraphChanged } from '../definition/graph';
import { FlowOutput } from '../definition/ports';
import { FlowConnectionJson } from '../definition/schema';
import { assertNodeStyleName, connectionName } from '../private/names';

/** Properties of a ConditionNode. */
export interface ConditionNodeProps extends FlowNodeProps {
  /** The values the conditions compare, by the name the conditions use for them. */
  readonly inputs: { [name: string]: FlowOutput };
}

interface Branch {
  readonly name: string;
  readonly condition?: FlowCondition;
  readonly target?: FlowNode;
}

/** The name the service requires for the branch taken when no condition holds. */
const DEFAULT_CONDITION = 'default';
/** Conditions per node, the `default` one included. */
const MAX_CONDITIONS = 5;

/**
 * Routes the flow: the first condition that holds activates its branch, and the `default` branch
 * (`otherwise()`) is taken when none holds.
 *
 * A branch's node is only *activated* by the condition; its inputs still come from data outputs
 * (for example `new OutputNode(this, 'Yes', { document: prompt.modelCompletion })`).
 * @see https://docs.aws.amazon.com/bedrock/latest/userguide/flows-nodes.html
 */
export class ConditionNode extends FlowNode {
  /** A condition node has no output: branches are added with `when()`/`otherwise()`. */
  public readonly endNodes: IFlowNextable[] = [];

  private readonly branches: Branch[] = [];
  private defaultTarget?: FlowNode;
  private readonly inputNames: string[];

  constructor(scope: Construct, id: string, props: ConditionNodeProps) {
    super(scope, id, 'Condition', props);
    this.addInputs(props.inputs);
    this.inputNames = Object.keys(props.inputs);
    if (this.inputNames.length === 0) {
      throw new Error(`Condition node '${this.nodeName}' needs at least one input for its conditions to compare`);
    }
  }

  /**
   * Adds a branch: when `condition` holds (and no earlier one did), `next` is activated.
   * @param name the condition's name (letters, digits and single underscores)
   * @param condition what must hold, over this node's input names
   * @param next the node or chain activated
   */
  public when(name: string, condition: FlowCondition, next: IFlowChainable): ConditionNode {
    const where = `Condition node '${this.nodeName}'`;
    assertNodeStyleName(name, `${where}: the condition name`, 'rename the condition');
    if (name === DEFAULT_CONDITION) {
      throw new Error(`${where}: the condition name '${DEFAULT_CONDITION}' is reserved for otherwise()`);
    }
    if (this.branches.some(b => b.name === name)) {
      throw new Error(`${where} already has a condition named '${name}'`);
    }
    if (this.branches.length + 1 >= MAX_CONDITIONS) {
      throw new Error(`${where} can have at most ${MAX_CONDITIONS - 1} conditions besides '${DEFAULT_CONDITION}'; `
        + 'combine conditions with FlowCondition.and()/or(), or chain another Condition node');
    }
    const problems = condition._check(this.inputNames);
    if (problems.length > 0) {
      throw new Error(`${where}, condition '${name}': ${problems.join('; ')}`);
    }
    const same = this.branches.find(b => b.condition?.conditionExpression === condition.conditionExpression);
    if (same) {
      throw new Error(`${where}: condition '${name}' has the same expression as '${same.name}' (${condition.conditionExpression})`);
    }
    this.branches.push({ name, condition, target: this.branchTarget(next) });
    markGraphChanged();
    return this;
  }

  /** Sets the branch taken when no condition holds (the service's `default` condition). */
  public otherwise(next: IFlowChainable): ConditionNode {
    if (this.defaultTarget) {
      throw new Error(`Condition node '${this.nodeName}' already has an otherwise() branch ('${this.defaultTarget.nodeName}')`);
    }
    this.defaultTarget = this.branchTarget(next);
    markGraphChanged();
    return this;
  }

  /** The node a branch activates, which must be in the same definition scope (not in a loop body). */
  private branchTarget(next: IFlowChainable): FlowNode {
    const target = next.startNode;
    const loop = enclosingLoop(target);
    if (loop !== enclosingLoop(this)) {
      throw new Error(`Condition node '${this.nodeName}' cannot branch to node '${target.nodeName}' in the body of Loop node `
        + `'${loop?.nodeName}': a connection cannot cross a loop boundary; branch to the Loop node instead`);
    }
    return target;
  }

  /** @internal */
  public _conditionalTargets(): FlowNode[] {
    const targets = this.branches.map(b => b.target!);
    return this.defaultTarget ? [...targets, this.defaultTarget] : targets;
  }

  /** @internal */
  public _renderConnections(): FlowConnectionJson[] {
    const branches: Branch[] = [...this.branches, { name: DEFAULT_CONDITION, target: this.defaultTarget }];
    return [
      ...super._renderConnections(),
      ...branches.filter(b => b.target).map(b => ({
        name: connectionName(this.nodeName, b.name, b.target!.nodeName),
        type: 'Conditional',
        source: this.nodeName,
        target: b.target!.nodeName,
        configuration: { conditional: { condition: b.name } },
      })),
    ];
  }

  protected renderConfiguration(): any {
    return {
      condition: {
        conditions: [
          ...this.branches.map(b => ({ name: b.name, expression: b.condition!.conditionExpression })),
          { name: DEFAULT_CONDITION },
        ],
      },
    };
  }
}
