import { conditional, data, EXAMPLES, expectNone, expectOne, findingsOf, fixture, outputNode } from './util';
import { FlowValidationSeverity } from '../../src';

/** Example B plus a Lambda node `Summary` fed by the Billing branch and by `other`. */
function withSummary(other: { source: string; output: string }) {
  const def = fixture('example-b-condition-routing');
  def.nodes.push({
    name: 'Summary',
    type: 'LambdaFunction',
    configuration: { lambdaFunction: { lambdaArn: 'arn:aws:lambda:us-east-1:111122223333:function:summary' } },
    inputs: [{ name: 'billing', type: 'String', expression: '$.data' }, { name: 'other', type: 'String', expression: '$.data' }],
    outputs: [{ name: 'functionResponse', type: 'String' }],
  }, outputNode('SummaryOutput'));
  def.connections.push(
    data('BillingToSummary', 'BillingAgent', 'agentResponse', 'Summary', 'billing'),
    data('OtherToSummary', other.source, other.output, 'Summary', 'other'),
    data('SummaryToOutput', 'Summary', 'functionResponse', 'SummaryOutput', 'document'),
  );
  return def;
}

describe('UnsatisfiedConnectionConditions', () => {
  test('warns when a node needs data from two exclusive branches of one Condition node', () => {
    const def = withSummary({ source: 'Escalate', output: 'functionResponse' });
    expectOne(def, 'UnsatisfiedConnectionConditions', {
      severity: FlowValidationSeverity.WARNING,
      node: 'Summary',
      connection: 'OtherToSummary',
      message: /node 'Summary' can never run: through connection 'OtherToSummary' it needs condition 'Urgent' of Condition node 'Route' \(connection 'RouteUrgent'\), and through its other inputs condition 'Billing' \(connection 'RouteBilling'\).*give each branch its own copy of 'Summary'/,
    });
  });

  test('warns when a conditional connection contradicts the branch a node gets its data from', () => {
    const def = fixture('example-b-condition-routing');
    def.connections.find((c: any) => c.name === 'RouteDefault').target = 'BillingOutput';
    const found = findingsOf(def, 'UnsatisfiedConnectionConditions');
    expect(found.map(f => [f.node, f.connection])).toEqual([['BillingOutput', 'RouteDefault']]);
    expect(found[0].message).toMatch(/needs condition 'default' of Condition node 'Route' \(connection 'RouteDefault'\), and through its other inputs condition 'Billing' \(connection 'RouteBilling'\)/);
  });

  test('reports only the first node that can never run, not the nodes after it', () => {
    const def = withSummary({ source: 'Escalate', output: 'functionResponse' });
    expect(findingsOf(def, 'UnsatisfiedConnectionConditions').map(f => f.node)).toEqual(['Summary']);
  });

  test.each([['before', true], ['after', false]])('a node that feeds several nodes guards each of them (another reader %s)', (_when, first) => {
    // GIVEN BillingAgent (Billing branch) feeding Summary, which also needs the Urgent branch, and Audit, which needs nothing else
    const def = withSummary({ source: 'Escalate', output: 'functionResponse' });
    def.nodes.push(outputNode('Audit'));
    const toAudit = data('BillingToAudit', 'BillingAgent', 'agentResponse', 'Audit', 'document');
    if (first) def.connections.unshift(toAudit);
    else def.connections.push(toAudit);

    // THEN only Summary can never run, whichever of them reads BillingAgent's guard last
    expect(findingsOf(def, 'UnsatisfiedConnectionConditions').map(f => [f.node, f.connection])).toEqual([['Summary', 'OtherToSummary']]);
  });

  test('passes when a branch node also reads data from before the Condition node', () => {
    expectNone(withSummary({ source: 'FlowInput', output: 'document' }), 'UnsatisfiedConnectionConditions');
  });

  test('passes when a node is the target of several branches (any one activates it)', () => {
    const def = fixture('example-b-condition-routing');
    def.connections.push(conditional('RouteUrgentToo', 'Route', 'BillingAgent', 'Urgent'));
    expectNone(def, 'UnsatisfiedConnectionConditions');
  });

  test.each(EXAMPLES)('passes for %s', (name) => {
    expectNone(fixture(name), 'UnsatisfiedConnectionConditions');
  });
});

describe('UnsatisfiedConnectionConditions guards', () => {
  test('a guard shared by several nodes is copied, not changed, when one of them adds a condition', () => {
    // BillingAgent (needs Route=Billing) feeds A and B; A is activated by Second=X, B by Second=default
    const def = fixture('example-b-condition-routing');
    def.nodes.push(
      {
        name: 'Second',
        type: 'Condition',
        configuration: { condition: { conditions: [{ name: 'X', expression: 'priority > 1' }, { name: 'default' }] } },
        inputs: [{ name: 'priority', type: 'Number', expression: '$.data.priority' }],
      },
      outputNode('A'),
      outputNode('B'),
    );
    def.connections.push(
      data('InputToSecond', 'FlowInput', 'document', 'Second', 'priority'),
      data('AgentToA', 'BillingAgent', 'agentResponse', 'A', 'document'),
      data('AgentToB', 'BillingAgent', 'agentResponse', 'B', 'document'),
      conditional('SecondX', 'Second', 'A', 'X'),
      conditional('SecondDefault', 'Second', 'B', 'default'),
    );
    expectNone(def, 'UnsatisfiedConnectionConditions');
  });
});
