import { data, flow, inputNode, lambdaNode, outputNode } from './definitions';
import { FlowSimulationError, FlowSimulator } from '../../src/testing';
import { FlowValidationSeverity } from '../../src/validation/types';

describe('FlowSimulator validation', () => {
  test('throws for a definition with validation errors, listing them', () => {
    // GIVEN: the Lambda node's input has no connection, and there is no Output node
    const definition = flow([inputNode('Object'), lambdaNode('Enrich', [['ticket', 'Object']])], []);

    // WHEN / THEN
    expect(() => new FlowSimulator(definition)).toThrow(FlowSimulationError);
    expect(() => new FlowSimulator(definition)).toThrow(/validation errors?, so the simulator will not run it/);
    expect(() => new FlowSimulator(definition)).toThrow(/- MissingEndingNodes: the flow has no Output node/);
    expect(() => new FlowSimulator(definition)).toThrow(/- UnfulfilledNodeInput: input 'ticket' of node 'Enrich' has no data connection/);
  });

  test('runs a definition that has only warnings, and exposes them', async () => {
    // GIVEN: 21 connections (more than the 20 the API model documents: a warning)
    const outputs = Array.from({ length: 21 }, (_, i) => outputNode(`Out${i + 1}`, 'Object'));
    const definition = flow([inputNode('Object'), ...outputs], outputs.map(o => data('FlowInput', 'document', o.name, 'document')));

    // WHEN
    const simulator = new FlowSimulator(definition);
    const result = await simulator.run({ a: 1 });

    // THEN
    expect(simulator.warnings.length).toBeGreaterThan(0);
    expect(simulator.warnings.every(w => w.severity === FlowValidationSeverity.WARNING)).toBe(true);
    expect(result.outputs).toHaveLength(21);
  });

  test('simulates an invalid definition when validation is turned off', async () => {
    // GIVEN: an Input node named with a hyphen (InvalidName)
    const definition = flow([inputNode('Object', 'flow-input'), outputNode('Out', 'Object')], [data('flow-input', 'document', 'Out', 'document')]);

    // WHEN
    const result = await new FlowSimulator(definition, { validate: false }).run({ ok: true });

    // THEN
    expect(result.outputsByNode).toEqual({ Out: [{ ok: true }] });
  });

  test('accepts an exported flow that wraps the definition', async () => {
    // GIVEN
    const exported = { name: 'MyFlow', definition: flow([inputNode('String'), outputNode('Out')], [data('FlowInput', 'document', 'Out', 'document')]) };

    // WHEN
    const result = await new FlowSimulator(exported).run('hi');

    // THEN
    expect(result.outputsByNode).toEqual({ Out: ['hi'] });
  });
});
