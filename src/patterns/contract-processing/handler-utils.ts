// Helpers shared by the contract-processing Lambda handlers (`*.lambda.ts`). They are bundled into
// each handler by esbuild and are not part of the library's jsii API.

/*****************************  BEDROCK FLOWS LAMBDA NODE EVENT  *****************************/

/** The JSON types of a flow node input, as the flow definition names them. */
export type FlowNodeInputType = 'String' | 'Number' | 'Boolean' | 'Object' | 'Array';

/** One input of a LambdaFunction node, as Amazon Bedrock Flows passes it to the function. */
export interface FlowLambdaNodeInput {
  /** The input's name in the flow definition. */
  readonly name: string;
  /** The input's declared type (`String`, `Number`, `Boolean`, `Object` or `Array`; compared case-insensitively). */
  readonly type: string;
  /** The input expression that selected the value (for example `$.data.text`). */
  readonly expression: string;
  /** The value. */
  readonly value: unknown;
}

/**
 * The event a Bedrock flow sends to the function of a LambdaFunction node. Whatever the function
 * returns becomes the node's `functionResponse` output.
 */
export interface FlowLambdaNodeEvent {
  /** Currently `1.0`. */
  readonly messageVersion: string;
  /** The flow and alias that run the node. */
  readonly flow: {
    /** The flow's ARN. */
    readonly flowArn: string;
    /** The ARN of the alias the flow was invoked through. */
    readonly flowAliasArn: string;
  };
  /** The node being run. */
  readonly node: {
    /** The node's name. */
    readonly name: string;
    /** The node's inputs with their values. */
    readonly inputs: FlowLambdaNodeInput[];
  };
}

/** A node input that is missing or has a value of the wrong type. */
export class NodeInputError extends Error {
  /**
   * @param message what is wrong and how to fix it
   */
  constructor(message: string) {
    super(message);
    this.name = 'NodeInputError';
  }
}

/** Checks that `event` has the shape of a LambdaFunction node event and returns it typed. */
export function asFlowNodeEvent(event: unknown): FlowLambdaNodeEvent {
  const e = event as Partial<FlowLambdaNodeEvent> | undefined;
  if (!e || typeof e !== 'object' || !e.node || !Array.isArray(e.node.inputs)) {
    throw new NodeInputError(
      'the event is not an Amazon Bedrock Flows LambdaFunction node event ({ messageVersion, flow, node: { name, inputs: [...] } }); ' +
      'this function must be called from a LambdaFunction node of a flow');
  }
  return e as FlowLambdaNodeEvent;
}

/** Returns the input called `name`, or `undefined` when the node has no such input. */
export function findNodeInput(event: FlowLambdaNodeEvent, name: string): FlowLambdaNodeInput | undefined {
  return event.node.inputs.find(input => input.name === name);
}

function describeNode(event: FlowLambdaNodeEvent): string {
  return `node '${event.node.name ?? '?'}'`;
}

function availableInputs(event: FlowLambdaNodeEvent): string {
  const names = event.node.inputs.map(input => `'${input.name}' (${input.type})`);
  return names.length > 0 ? names.join(', ') : 'none';
}

function requireInput(event: FlowLambdaNodeEvent, name: string, type: FlowNodeInputType): FlowLambdaNodeInput {
  const input = findNodeInput(event, name);
  if (!input) {
    throw new NodeInputError(
      `${describeNode(event)} has no input '${name}' (${type}); it has ${availableInputs(event)}. ` +
      `Add an input named '${name}' of type ${type} to the LambdaFunction node.`);
  }
  return input;
}

function wrongType(event: FlowLambdaNodeEvent, input: FlowLambdaNodeInput, expected: string): NodeInputError {
  const actual = input.value === null ? 'null' : Array.isArray(input.value) ? 'array' : typeof input.value;
  return new NodeInputError(
    `input '${input.name}' of ${describeNode(event)} must be ${expected}, but its value (from expression '${input.expression}') is ${actual}. ` +
    'Check the input expression and the type of the output it is connected to.');
}

/** Returns the String input `name`; throws a {@link NodeInputError} when it is missing or not a string. */
export function requireStringInput(event: FlowLambdaNodeEvent, name: string): string {
  const input = requireInput(event, name, 'String');
  if (typeof input.value !== 'string') {
    throw wrongType(event, input, 'a string');
  }
  return input.value;
}

/** Returns the String input `name`, or `undefined` when the node has no such input or its value is empty. */
export function optionalStringInput(event: FlowLambdaNodeEvent, name: string): string | undefined {
  const input = findNodeInput(event, name);
  if (!input || input.value === undefined || input.value === null || input.value === '') {
    return undefined;
  }
  if (typeof input.value !== 'string') {
    throw wrongType(event, input, 'a string');
  }
  return input.value;
}

/**
 * Returns the Number input `name`. A string holding a finite number (a model's completion, say) is
 * accepted; anything else throws a {@link NodeInputError}.
 */
export function requireNumberInput(event: FlowLambdaNodeEvent, name: string): number {
  const input = requireInput(event, name, 'Number');
  const value = typeof input.value === 'string' && input.value.trim() !== '' ? Number(input.value.trim()) : input.value;
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    throw wrongType(event, input, 'a finite number');
  }
  return value;
}

/**
 * Returns the Object input `name`. A string holding a JSON object is parsed; anything else that is
 * not a plain object throws a {@link NodeInputError}.
 */
export function requireObjectInput<T extends object = Record<string, unknown>>(event: FlowLambdaNodeEvent, name: string): T {
  const input = requireInput(event, name, 'Object');
  let value = input.value;
  if (typeof value === 'string') {
    try {
      value = JSON.parse(value);
    } catch {
      throw wrongType(event, input, 'an object (or a string holding a JSON object)');
    }
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    throw wrongType(event, input, 'an object');
  }
  return value as T;
}

/*****************************  ENVIRONMENT  *****************************/

/** Returns the environment variable `name`; throws when it is unset or empty. */
export function requireEnv(name: string): string {
  const value = process.env[name];
  if (value === undefined || value.trim() === '') {
    throw new Error(`environment variable ${name} is not set; the construct that creates this function must set it`);
  }
  return value.trim();
}

/** Returns the environment variable `name`, or `fallback` when it is unset or empty. */
export function envString(name: string, fallback: string): string {
  const value = process.env[name];
  return value === undefined || value.trim() === '' ? fallback : value.trim();
}

/** Returns the environment variable `name` as a positive number, or `fallback` when it is unset or empty. */
export function envNumber(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw.trim() === '') {
    return fallback;
  }
  const value = Number(raw);
  if (!Number.isFinite(value) || value <= 0) {
    throw new Error(`environment variable ${name} must be a positive number, got '${raw}'`);
  }
  return value;
}

/** Returns the comma-separated environment variable `name` as a list of trimmed, non-empty items. */
export function envList(name: string): string[] {
  return (process.env[name] ?? '').split(',').map(item => item.trim()).filter(item => item !== '');
}

/*****************************  STRUCTURED LOGS  *****************************/

/** Log levels, in increasing severity. */
export type LogLevel = 'DEBUG' | 'INFO' | 'WARN' | 'ERROR';

/** Writes one line to standard output, where Lambda sends it to CloudWatch Logs unchanged. */
export type LineWriter = (line: string) => void;

const STDOUT: LineWriter = line => {
  // process.stdout, not console.log: the Lambda runtime prefixes console.log lines with a timestamp,
  // request id and level, which would stop CloudWatch from reading the JSON (and EMF) records.
  process.stdout.write(line + '\n');
};

/**
 * Writes one JSON object per line: `timestamp`, `level`, `message`, the logger's context fields and
 * the fields of the call. Errors are written as `{ name, message, stack }`.
 */
export class Logger {
  private readonly context: Record<string, unknown>;
  private readonly write: LineWriter;

  /**
   * @param context fields written on every line (for example `requestId`)
   * @param write where lines go
   */
  constructor(context: Record<string, unknown> = {}, write: LineWriter = STDOUT) {
    this.context = { ...context };
    this.write = write;
  }

  /** Returns a logger that adds `fields` to this logger's context. */
  public child(fields: Record<string, unknown>): Logger {
    return new Logger({ ...this.context, ...fields }, this.write);
  }

  /** Writes a DEBUG line. */
  public debug(message: string, fields: Record<string, unknown> = {}): void {
    this.log('DEBUG', message, fields);
  }

  /** Writes an INFO line. */
  public info(message: string, fields: Record<string, unknown> = {}): void {
    this.log('INFO', message, fields);
  }

  /** Writes a WARN line. */
  public warn(message: string, fields: Record<string, unknown> = {}): void {
    this.log('WARN', message, fields);
  }

  /** Writes an ERROR line. */
  public error(message: string, fields: Record<string, unknown> = {}): void {
    this.log('ERROR', message, fields);
  }

  private log(level: LogLevel, message: string, fields: Record<string, unknown>): void {
    const record: Record<string, unknown> = { timestamp: new Date().toISOString(), level, message, ...this.context };
    for (const [key, value] of Object.entries(fields)) {
      record[key] = value instanceof Error ? describeError(value) : value;
    }
    this.write(safeStringify(record));
  }
}

/** The loggable parts of an error: name, message, the service's extra fields and the stack. */
export function describeError(error: unknown): Record<string, unknown> {
  if (!(error instanceof Error)) {
    return { message: String(error) };
  }
  const details: Record<string, unknown> = { name: error.name, message: error.message };
  const extra = error as unknown as Record<string, unknown>;
  for (const key of ['exceptionName', 'resourceName', 'reason', 'completionReason', 'executionId', 'code']) {
    if (extra[key] !== undefined) {
      details[key] = extra[key];
    }
  }
  const metadata = extra.$metadata as { httpStatusCode?: number; requestId?: string } | undefined;
  if (metadata?.requestId) {
    details.awsRequestId = metadata.requestId;
  }
  if (error.cause instanceof Error) {
    details.cause = { name: error.cause.name, message: error.cause.message };
  }
  details.stack = error.stack;
  return details;
}

function safeStringify(record: Record<string, unknown>): string {
  const seen = new WeakSet<object>();
  return JSON.stringify(record, (_key, value) => {
    if (typeof value === 'bigint') {
      return value.toString();
    }
    if (value !== null && typeof value === 'object') {
      if (seen.has(value)) {
        return '[Circular]';
      }
      seen.add(value);
    }
    return value;
  });
}

/*****************************  EMBEDDED METRIC FORMAT  *****************************/

/** CloudWatch metric units the handlers use. */
export type MetricUnit = 'Count' | 'Milliseconds' | 'Seconds' | 'Bytes' | 'None';

/**
 * Collects metrics and writes them as one CloudWatch embedded-metric-format (EMF) record, which
 * CloudWatch Logs turns into metrics without any API call.
 *
 * @see https://docs.aws.amazon.com/AmazonCloudWatch/latest/monitoring/CloudWatch_Embedded_Metric_Format_Specification.html
 */
export class MetricsWriter {
  private readonly namespace: string;
  private readonly dimensions: Record<string, string>;
  private readonly write: LineWriter;
  private readonly metrics = new Map<string, { value: number; unit: MetricUnit }>();
  private readonly properties: Record<string, unknown> = {};

  /**
   * @param namespace the CloudWatch namespace
   * @param dimensions the dimension names and values every metric of the record gets
   * @param write where the record goes
   */
  constructor(namespace: string, dimensions: Record<string, string>, write: LineWriter = STDOUT) {
    this.namespace = namespace;
    this.dimensions = { ...dimensions };
    this.write = write;
  }

  /** Sets metric `name` to `value` (a later call for the same name replaces the value). */
  public put(name: string, value: number, unit: MetricUnit = 'Count'): this {
    this.metrics.set(name, { value, unit });
    return this;
  }

  /** Whether metric `name` has been put since the last flush. */
  public has(name: string): boolean {
    return this.metrics.has(name);
  }

  /** Adds a property to the record: searchable in Logs Insights, not a metric or a dimension. */
  public property(name: string, value: unknown): this {
    this.properties[name] = value;
    return this;
  }

  /** Writes the record if any metric was put, and clears the metrics. */
  public flush(): void {
    if (this.metrics.size === 0) {
      return;
    }
    const record: Record<string, unknown> = {
      ...this.properties,
      _aws: {
        Timestamp: Date.now(),
        CloudWatchMetrics: [{
          Namespace: this.namespace,
          Dimensions: [Object.keys(this.dimensions)],
          Metrics: [...this.metrics].map(([name, { unit }]) => ({ Name: name, Unit: unit })),
        }],
      },
      ...this.dimensions,
    };
    for (const [name, { value }] of this.metrics) {
      record[name] = value;
    }
    this.metrics.clear();
    this.write(safeStringify(record));
  }
}

/*****************************  MISC  *****************************/

/** The length of `text` in UTF-8 bytes. */
export function utf8ByteLength(text: string): number {
  return Buffer.byteLength(text, 'utf8');
}

/** Waits `ms` milliseconds. */
export function sleep(ms: number): Promise<void> {
  return new Promise(resolve => setTimeout(resolve, ms));
}

/** The part of a Lambda context the handlers use. */
export interface LambdaContextLike {
  /** The request id of this invocation. */
  readonly awsRequestId?: string;
  /** The milliseconds left before the function times out. */
  getRemainingTimeInMillis?(): number;
}

/** The milliseconds left in this invocation, or `fallback` when there is no Lambda context (tests). */
export function remainingTimeMs(context: LambdaContextLike | undefined, fallback: number): number {
  const remaining = context?.getRemainingTimeInMillis?.();
  return typeof remaining === 'number' && Number.isFinite(remaining) ? remaining : fallback;
}
