import * as fs from 'fs';
import * as path from 'path';
import { Lazy } from 'aws-cdk-lib';
import { FlowConnectionJson, FlowDefinitionJson, FlowNodeJson } from '../../src/definition/schema';
import { FlowValidationOptions, FlowValidationResult, FlowValidationSeverity, validateFlowDefinition } from '../../src/validation';

/** The examples of flows-spec §1.10, valid definitions. */
export const EXAMPLES = [
  'example-a-rag',
  'example-b-condition-routing',
  'example-c-iterator-collector',
  'example-d-lex-retrieval',
  'example-e-loop',
] as const;

/** A fresh copy of a fixture in test/fixtures (without `.json`). */
export function fixture(name: string): any {
  return JSON.parse(fs.readFileSync(path.join(__dirname, '..', 'fixtures', `${name}.json`), 'utf-8'));
}

/** Example A: FlowInput (String) → FindChunks (KB) → Answer (inline Prompt) → FlowOutput. */
export function rag(): { nodes: any[]; connections: any[] } {
  return fixture('example-a-rag');
}

/** The findings of one rule type. */
export function findingsOf(definition: unknown, type: string, options?: FlowValidationOptions): FlowValidationResult[] {
  return validateFlowDefinition(definition as FlowDefinitionJson, options).filter(f => f.type === type);
}

/** Asserts exactly one finding of `type`, with the given severity, node and message fragment; returns it. */
export function expectOne(
  definition: unknown,
  type: string,
  expected: { severity?: FlowValidationSeverity; node?: string; connection?: string; port?: string; loopNode?: string; message: RegExp | string },
  options?: FlowValidationOptions,
): FlowValidationResult {
  const found = findingsOf(definition, type, options);
  expect(found).toHaveLength(1);
  const [f] = found;
  expect(f.severity).toBe(expected.severity ?? FlowValidationSeverity.ERROR);
  if ('node' in expected) expect(f.node).toBe(expected.node);
  if ('connection' in expected) expect(f.connection).toBe(expected.connection);
  if ('port' in expected) expect(f.port).toBe(expected.port);
  if ('loopNode' in expected) expect(f.loopNode).toBe(expected.loopNode);
  expect(f.message).toMatch(expected.message);
  return f;
}

/** Asserts no finding of `type`. */
export function expectNone(definition: unknown, type: string, options?: FlowValidationOptions): void {
  expect(findingsOf(definition, type, options)).toEqual([]);
}

/** The node of a definition with the given name. */
export function nodeOf(definition: { nodes?: any[] }, name: string): any {
  const node = definition.nodes?.find(n => n.name === name);
  if (!node) throw new Error(`no node '${name}'`);
  return node;
}

/** The connection of a definition with the given name. */
export function connectionOf(definition: { connections?: any[] }, name: string): any {
  const c = definition.connections?.find(n => n.name === name);
  if (!c) throw new Error(`no connection '${name}'`);
  return c;
}

/** A data connection. */
export function data(name: string, source: string, sourceOutput: string, target: string, targetInput: string): FlowConnectionJson {
  return { name, type: 'Data', source, target, configuration: { data: { sourceOutput, targetInput } } };
}

/** A conditional connection. */
export function conditional(name: string, source: string, target: string, condition: string): FlowConnectionJson {
  return { name, type: 'Conditional', source, target, configuration: { conditional: { condition } } };
}

/** An Output node with a `document` input. */
export function outputNode(name: string, type = 'String'): FlowNodeJson {
  return { name, type: 'Output', configuration: { output: {} }, inputs: [{ name: 'document', type, expression: '$.data' }] };
}

/** A string CDK token (`${Token[...]}`). */
export function token(value = 'x'): string {
  return Lazy.string({ produce: () => value });
}

/** A numeric CDK token. */
export function numberToken(value = 1): number {
  return Lazy.number({ produce: () => value });
}

/** The loop body of example E. */
export function loopBody(definition: any): { nodes: any[]; connections: any[] } {
  return nodeOf(definition, 'RefineLoop').configuration.loop.definition;
}
