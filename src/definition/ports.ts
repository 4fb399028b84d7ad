import { FlowDataType } from './data-type';
import { parseInputExpression } from './expressions/input-expression';
import type { FlowNode } from '../nodes/flow-node';
import { isUnresolved } from '../private/tokens';

/**
 * A typed output of a flow node, used as the source of another node's input.
 *
 * Nodes expose their outputs as properties named as in the API (`input.document`,
 * `prompt.modelCompletion`, ...). Passing an output as an input creates the data connection.
 * `at()` narrows the value with an input expression.
 */
export class FlowOutput {
  /** @internal */
  public static _create(node: FlowNode, name: string, type: FlowDataType): FlowOutput {
    return new FlowOutput(node, name, type, '$.data', type);
  }

  private constructor(
    /** The node that produces this output. */
    public readonly node: FlowNode,
    /** The output's name (`document`, `modelCompletion`, ...). */
    public readonly name: string,
    /** The output's declared type. */
    public readonly type: FlowDataType,
    /** The input expression a consuming input applies to the value: `$.data` for the whole value. */
    public readonly expression: string,
    /** The type of the value the consuming input receives (the output type, or the type given to `at()`). */
    public readonly inputType: FlowDataType,
  ) {}

  /**
   * This output narrowed with an input expression, for example `doc.document.at('$.data.text', FlowDataType.STRING)`.
   *
   * The expression is the JsonPath subset of Bedrock Flows (`$.data`, `.field`, `[i]`, `[i,j]`, `[i:j]`, `*`),
   * at most 64 characters.
   * @param expression the input expression, starting with `$.data`
   * @param type the type of the selected value
   * @see https://docs.aws.amazon.com/bedrock/latest/userguide/flows-expressions.html
   */
  public at(expression: string, type: FlowDataType): FlowOutput {
    if (!isUnresolved(expression)) {
      const parsed = parseInputExpression(expression);
      if (!parsed.ok) {
        throw new Error(`input expression '${expression}' on '${this}' is malformed: ${parsed.cause}`);
      }
      const scalar = this.type === FlowDataType.STRING || this.type === FlowDataType.NUMBER || this.type === FlowDataType.BOOLEAN;
      if (scalar && !parsed.expression.isWholeValue) {
        throw new Error(`'${this}' is a ${this.type}, so the only input expression it allows is '$.data' (got '${expression}')`);
      }
    }
    return new FlowOutput(this.node, this.name, this.type, expression, type);
  }

  /** `Node.output`, for messages. */
  public toString(): string {
    return `${this.node.nodeName}.${this.name}`;
  }
}
