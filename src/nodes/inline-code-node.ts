import { Construct } from 'constructs';
import { FlowNodeProps, NextableFlowNode } from './flow-node';
import { FlowDataType } from '../definition/data-type';
import { FlowOutput } from '../definition/ports';
import { isUnresolved } from '../private/tokens';

/** The language of an InlineCode node. */
export enum InlineCodeLanguage {
  /** Python 3 (the service runs Python 3.12). */
  PYTHON_3 = 'Python_3',
}

/** Properties of an InlineCodeNode. */
export interface InlineCodeNodeProps extends FlowNodeProps {
  /**
   * The code (at most 5,000,000 characters). The node's inputs are Python variables of the same
   * names; the value of the last line is the node's `response`. `print` output is not captured.
   */
  readonly code: string;

  /**
   * The node's inputs, by name (at most 5); each is a Python variable in the code.
   * @default - none; `previous.next(node)` adds one named after the previous node's output
   */
  readonly inputs?: { [name: string]: FlowOutput };

  /**
   * The type of the code's result (the node's `response`).
   * @default FlowDataType.OBJECT
   */
  readonly responseType?: FlowDataType;

  /**
   * The language of the code.
   * @default InlineCodeLanguage.PYTHON_3
   */
  readonly language?: InlineCodeLanguage;
}

/** The most code the service accepts in one node. */
const MAX_CODE_LENGTH = 5_000_000;
/** The most inputs the service documents for an InlineCode node. */
const MAX_INPUTS = 5;
/** Python keywords cannot be variable names. */
const PYTHON_KEYWORDS = new Set([
  'False', 'None', 'True', 'and', 'as', 'assert', 'async', 'await', 'break', 'class', 'continue', 'def', 'del', 'elif',
  'else', 'except', 'finally', 'for', 'from', 'global', 'if', 'import', 'in', 'is', 'lambda', 'nonlocal', 'not', 'or',
  'pass', 'raise', 'return', 'try', 'while', 'with', 'yield',
]);

/**
 * Runs Python code in the flow, without a Lambda function (preview). The code runs without internet
 * access; the node cannot be used in asynchronous flow executions, and a flow can have at most 5
 * InlineCode nodes. The node needs no IAM permission.
 * @see https://docs.aws.amazon.com/bedrock/latest/userguide/flows-nodes.html
 */
export class InlineCodeNode extends NextableFlowNode {
  /** The value of the code's last line. */
  public readonly response: FlowOutput;
  /** The code. */
  public readonly code: string;
  /** The language of the code. */
  public readonly language: InlineCodeLanguage;

  constructor(scope: Construct, id: string, props: InlineCodeNodeProps) {
    super(scope, id, 'InlineCode', props);
    const where = `InlineCode node '${this.nodeName}'`;
    if (!isUnresolved(props.code)) {
      if (props.code.trim().length === 0) throw new Error(`${where}: the code is empty`);
      if (props.code.length > MAX_CODE_LENGTH) {
        throw new Error(`${where}: the code is ${props.code.length} characters long; the service allows at most ${MAX_CODE_LENGTH.toLocaleString('en-US')}`);
      }
    }
    const names = Object.keys(props.inputs ?? {});
    if (names.length > MAX_INPUTS) {
      throw new Error(`${where} has ${names.length} inputs; an InlineCode node takes at most ${MAX_INPUTS}: `
        + 'pass an Object and read its fields in the code, or use a LambdaFunctionNode');
    }
    for (const name of names) this.assertVariableName(name);
    this.code = props.code;
    this.language = props.language ?? InlineCodeLanguage.PYTHON_3;
    this.addInputs(props.inputs);
    this.response = this.addOutput('response', props.responseType ?? FlowDataType.OBJECT);
  }

  /** @internal */
  public _acceptsImplicitInput(): boolean {
    return true;
  }

  /** @internal */
  public _addImplicitInput(source: FlowOutput): void {
    this.assertVariableName(source.name);
    super._addImplicitInput(source);
  }

  protected renderConfiguration(): any {
    return { inlineCode: { code: this.code, language: this.language } };
  }

  private assertVariableName(name: string): void {
    if (PYTHON_KEYWORDS.has(name)) {
      throw new Error(`InlineCode node '${this.nodeName}': input '${name}' is a Python keyword, so the code cannot use it as a variable; rename the input`);
    }
  }
}
