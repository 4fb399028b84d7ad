import { conditional, connectionOf, data, expectNone, expectOne, findingsOf, fixture, rag } from './util';

describe('InvalidConnectionDirection', () => {
  test('fails when a data connection leaves a Condition node', () => {
    const def = fixture('example-b-condition-routing');
    connectionOf(def, 'RouteBilling').type = 'Data';
    connectionOf(def, 'RouteBilling').configuration = { data: { sourceOutput: 'category', targetInput: 'agentInputText' } };
    expectOne(def, 'InvalidConnectionDirection', {
      connection: 'RouteBilling',
      node: 'Route',
      message: /connection 'RouteBilling' \(Route → BillingAgent\) is a Data connection from Condition node 'Route', which has no outputs: make it a Conditional connection/,
    });
  });

  test('fails when a conditional connection leaves a node that is not a Condition node', () => {
    const def = rag();
    def.connections.push(conditional('Activate', 'FindChunks', 'FlowOutput', 'default'));
    expectOne(def, 'InvalidConnectionDirection', {
      connection: 'Activate',
      node: 'FindChunks',
      message: /is Conditional, but 'FindChunks' is a KnowledgeBase node; only Condition nodes have conditional connections/,
    });
  });

  test('fails when a connection goes into an Input node or out of an Output node', () => {
    const def = rag();
    def.connections.push(data('Back', 'FlowOutput', 'document', 'FlowInput', 'document'));
    expect(findingsOf(def, 'InvalidConnectionDirection').map(f => f.message)).toEqual([
      expect.stringMatching(/connection 'Back' \(FlowOutput → FlowInput\) goes into Input node 'FlowInput', where the flow starts: remove the connection/),
      expect.stringMatching(/connection 'Back' \(FlowOutput → FlowInput\) leaves Output node 'FlowOutput', where a branch ends: remove the connection/),
    ]);
  });

  test('passes when connections go the allowed ways', () => {
    expectNone(fixture('example-b-condition-routing'), 'InvalidConnectionDirection');
  });
});
