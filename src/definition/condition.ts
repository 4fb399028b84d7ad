import { MAX_CONDITION_EXPRESSION_LENGTH, parseConditionExpression } from './expressions/condition-expression';
import { isUnresolved } from '../private/tokens';

/**
 * A condition of a Condition node (or a loop controller's continue condition), built from the
 * node's input names and literals.
 *
 * Renders to the service's expression language (`score >= 7`, `(a == "x") and (b < 2)`), which
 * allows at most 64 characters per expression.
 * @see https://docs.aws.amazon.com/bedrock/latest/userguide/flows-nodes.html
 */
export abstract class FlowCondition {
  /** The input equals the value (same type and value). */
  public static equalTo(input: string, value: string | number | boolean): FlowCondition {
    return new Comparison(input, '==', value);
  }

  /** The input differs from the value. */
  public static notEqualTo(input: string, value: string | number | boolean): FlowCondition {
    return new Comparison(input, '!=', value);
  }

  /** The numeric input is greater than the value. */
  public static greaterThan(input: string, value: number): FlowCondition {
    return new Comparison(input, '>', value);
  }

  /** The numeric input is greater than or equal to the value. */
  public static greaterThanOrEqualTo(input: string, value: number): FlowCondition {
    return new Comparison(input, '>=', value);
  }

  /** The numeric input is less than the value. */
  public static lessThan(input: string, value: number): FlowCondition {
    return new Comparison(input, '<', value);
  }

  /** The numeric input is less than or equal to the value. */
  public static lessThanOrEqualTo(input: string, value: number): FlowCondition {
    return new Comparison(input, '<=', value);
  }

  /** All of the conditions hold. */
  public static and(...conditions: FlowCondition[]): FlowCondition {
    return new Compound('and', conditions);
  }

  /** At least one of the conditions holds. */
  public static or(...conditions: FlowCondition[]): FlowCondition {
    return new Compound('or', conditions);
  }

  /** The condition does not hold. */
  public static not(condition: FlowCondition): FlowCondition {
    return new Raw(`not (${condition.conditionExpression})`);
  }

  /**
   * A condition written in the service's expression language, e.g. `(score >= 7) and (lang == "en")`.
   * It is parsed and checked against the node's inputs when the node is built.
   */
  public static expression(expression: string): FlowCondition {
    return new Raw(expression);
  }

  /** The condition in the service's expression language. */
  public abstract readonly conditionExpression: string;

  /**
   * Checks the expression: grammar, length, and that every name it refers to is one of `inputNames`.
   * @returns the problems found, each a sentence fragment
   * @internal
   */
  public _check(inputNames: string[]): string[] {
    const text = this.conditionExpression;
    if (isUnresolved(text)) return [];
    const parsed = parseConditionExpression(text);
    if (!parsed.ok) return [`'${text}' is malformed: ${parsed.cause}`];
    const unknown = parsed.references.filter(r => !inputNames.includes(r));
    return unknown.length === 0 ? [] : [`'${text}' refers to ${unknown.map(u => `'${u}'`).join(', ')}, which `
      + `${unknown.length === 1 ? 'is not an input' : 'are not inputs'} of the node (inputs: ${inputNames.join(', ') || 'none'})`];
  }
}

/** The longest expression a condition may render to. */
export const MAX_CONDITION_LENGTH = MAX_CONDITION_EXPRESSION_LENGTH;

class Comparison extends FlowCondition {
  public readonly conditionExpression: string;
  constructor(input: string, operator: string, value: string | number | boolean) {
    super();
    if (typeof value === 'string' && (value.includes('"') || value.includes('\\'))) {
      throw new Error(`condition value ${JSON.stringify(value)} contains a quote or backslash, which the expression language cannot express`);
    }
    const literal = typeof value === 'string' ? `"${value}"` : String(value);
    this.conditionExpression = `${input} ${operator} ${literal}`;
  }
}

class Compound extends FlowCondition {
  public readonly conditionExpression: string;
  constructor(operator: 'and' | 'or', conditions: FlowCondition[]) {
    super();
    if (conditions.length < 2) {
      throw new Error(`FlowCondition.${operator}() needs at least two conditions, got ${conditions.length}`);
    }
    this.conditionExpression = conditions.map(c => `(${c.conditionExpression})`).join(` ${operator} `);
  }
}

class Raw extends FlowCondition {
  constructor(public readonly conditionExpression: string) {
    super();
  }
}
