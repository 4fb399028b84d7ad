import { conditionNode, data, flow, inputNode, lambdaNode, outputNode, when } from './definitions';
import { FlowSimulator } from '../../src/testing';

/**
 * Input → Route (Urgent: priority >= 8, Billing: category == "billing", default) with one Output
 * per branch; each Output is activated by its branch and reads its data from the Input node.
 */
function routeFlow() {
  return flow(
    [
      inputNode('Object'),
      conditionNode('Route', [['priority', 'Number', '$.data.priority'], ['category', 'String', '$.data.category']],
        [['Urgent', 'priority >= 8'], ['Billing', 'category == "billing"']]),
      outputNode('UrgentOut', 'String', '$.data.text'),
      outputNode('BillingOut', 'String', '$.data.text'),
      outputNode('DefaultOut', 'String', '$.data.text'),
    ],
    [
      data('FlowInput', 'document', 'Route', 'priority'),
      data('FlowInput', 'document', 'Route', 'category'),
      when('Route', 'Urgent', 'UrgentOut'),
      when('Route', 'Billing', 'BillingOut'),
      when('Route', 'default', 'DefaultOut'),
      data('FlowInput', 'document', 'UrgentOut', 'document'),
      data('FlowInput', 'document', 'BillingOut', 'document'),
      data('FlowInput', 'document', 'DefaultOut', 'document'),
    ],
  );
}

describe('FlowSimulator Condition nodes', () => {
  test('takes the first satisfied condition in order when several are satisfied', async () => {
    // GIVEN
    const simulator = new FlowSimulator(routeFlow());

    // WHEN
    const result = await simulator.run({ priority: 9, category: 'billing', text: 'refund now!' });

    // THEN
    expect(result.outputs).toEqual([{ nodeName: 'UrgentOut', nodeType: 'FlowOutputNode', content: { document: 'refund now!' } }]);
    expect(result.traces).toContainEqual({
      conditionNodeResultTrace: { nodeName: 'Route', timestamp: expect.any(Date), satisfiedConditions: [{ conditionName: 'Urgent' }] },
    });
  });

  test('takes a later condition when the earlier ones are not satisfied', async () => {
    // GIVEN
    const simulator = new FlowSimulator(routeFlow());

    // WHEN
    const result = await simulator.run({ priority: 2, category: 'billing', text: 'invoice' });

    // THEN
    expect(result.outputsByNode).toEqual({ BillingOut: ['invoice'] });
  });

  test('takes the default branch when no condition is satisfied', async () => {
    // GIVEN
    const simulator = new FlowSimulator(routeFlow());

    // WHEN
    const result = await simulator.run({ priority: 2, category: 'other', text: 'hello' });

    // THEN
    expect(result.outputsByNode).toEqual({ DefaultOut: ['hello'] });
    expect(result.traces).toContainEqual({
      conditionNodeResultTrace: { nodeName: 'Route', timestamp: expect.any(Date), satisfiedConditions: [{ conditionName: 'default' }] },
    });
  });

  test('does not run a conditionally activated node whose data inputs arrived but whose branch was not taken', async () => {
    // GIVEN: every Output receives its data from the Input node before the Condition runs
    const simulator = new FlowSimulator(routeFlow());

    // WHEN
    const result = await simulator.run({ priority: 2, category: 'other', text: 'hello' });

    // THEN
    expect(result.nodeRuns).toEqual({ FlowInput: 1, Route: 1, DefaultOut: 1 });
  });

  test('fails when a condition cannot be evaluated on the input values', async () => {
    // GIVEN: a relational operator on a String input (a run-time error, so validation is skipped)
    const definition = flow(
      [inputNode('Object'), conditionNode('Route', [['level', 'String', '$.data.level']], [['High', 'level > 3']]),
        outputNode('HighOut', 'Object')],
      [data('FlowInput', 'document', 'Route', 'level'), when('Route', 'High', 'HighOut'), data('FlowInput', 'document', 'HighOut', 'document')],
    );
    const simulator = new FlowSimulator(definition, { validate: false });

    // WHEN / THEN
    await expect(simulator.run({ level: 'high' })).rejects.toThrow("Condition node 'Route': condition 'High' (level > 3) cannot be evaluated: "
      + "'>' compares numbers, got \"high\" and 3");
  });
});

describe('FlowSimulator branches', () => {
  /**
   * Input → Route (Urgent: priority >= 8) → Escalate (Lambda, activated by Urgent, data from Input)
   * → EscalatedOut; Input → Audit (Output, data only); default → DefaultOut.
   */
  function escalationFlow() {
    return flow(
      [
        inputNode('Object'),
        conditionNode('Route', [['priority', 'Number', '$.data.priority']], [['Urgent', 'priority >= 8']]),
        lambdaNode('Escalate', [['ticket', 'Object']], 'String'),
        outputNode('EscalatedOut'),
        outputNode('DefaultOut', 'String', '$.data.text'),
        outputNode('Audit', 'Number', '$.data.priority'),
      ],
      [
        data('FlowInput', 'document', 'Route', 'priority'),
        when('Route', 'Urgent', 'Escalate'),
        when('Route', 'default', 'DefaultOut'),
        data('FlowInput', 'document', 'Escalate', 'ticket'),
        data('Escalate', 'functionResponse', 'EscalatedOut', 'document'),
        data('FlowInput', 'document', 'DefaultOut', 'document'),
        data('FlowInput', 'document', 'Audit', 'document'),
      ],
    );
  }

  test('runs nodes that depend on a taken branch', async () => {
    // GIVEN
    const escalate = jest.fn(() => 'ticket escalated');
    const simulator = new FlowSimulator(escalationFlow(), { handlers: { LambdaFunction: escalate } });

    // WHEN
    const result = await simulator.run({ priority: 9, text: 'fire' });

    // THEN
    expect(escalate).toHaveBeenCalledTimes(1);
    expect(result.outputsByNode).toEqual({ Audit: [9], EscalatedOut: ['ticket escalated'] });
  });

  test('never runs the nodes of a branch not taken, nor the nodes that depend on them', async () => {
    // GIVEN
    const escalate = jest.fn(() => 'ticket escalated');
    const simulator = new FlowSimulator(escalationFlow(), { handlers: { LambdaFunction: escalate } });

    // WHEN
    const result = await simulator.run({ priority: 1, text: 'meh' });

    // THEN
    expect(escalate).not.toHaveBeenCalled();
    expect(result.nodeRuns.Escalate).toBeUndefined();
    expect(result.nodeRuns.EscalatedOut).toBeUndefined();
    expect(result.outputsByNode).toEqual({ Audit: [1], DefaultOut: ['meh'] });
    expect(result.completionReason).toBe('SUCCESS');
  });

  test('needs no handler for nodes on a branch not taken', async () => {
    // GIVEN: no LambdaFunction handler at all
    const simulator = new FlowSimulator(escalationFlow());

    // WHEN
    const result = await simulator.run({ priority: 1, text: 'meh' });

    // THEN
    expect(result.outputsByNode.DefaultOut).toEqual(['meh']);
  });

  test('fans one output out to several inputs and produces an output event per Output node', async () => {
    // GIVEN: Input.document feeds three inputs of Combine and two Output nodes
    const definition = flow(
      [
        inputNode('Object'),
        lambdaNode('Combine', [['first', 'String', '$.data.first'], ['last', 'String', '$.data.last'], ['whole', 'Object']], 'String'),
        outputNode('FullName'),
        outputNode('FirstOnly', 'String', '$.data.first'),
        outputNode('Echo', 'Object'),
      ],
      [
        data('FlowInput', 'document', 'Combine', 'first'),
        data('FlowInput', 'document', 'Combine', 'last'),
        data('FlowInput', 'document', 'Combine', 'whole'),
        data('FlowInput', 'document', 'FirstOnly', 'document'),
        data('FlowInput', 'document', 'Echo', 'document'),
        data('Combine', 'functionResponse', 'FullName', 'document'),
      ],
    );
    const simulator = new FlowSimulator(definition, {
      handlers: { LambdaFunction: event => event.node.inputs.slice(0, 2).map(i => i.value).join(' ') },
    });

    // WHEN
    const result = await simulator.run({ first: 'Ada', last: 'Lovelace' });

    // THEN
    expect(result.outputs.map(o => o.nodeName).sort()).toEqual(['Echo', 'FirstOnly', 'FullName']);
    expect(result.outputsByNode).toEqual({
      FullName: ['Ada Lovelace'],
      FirstOnly: ['Ada'],
      Echo: [{ first: 'Ada', last: 'Lovelace' }],
    });
  });
});
