import { expectNone, expectOne, fixture, loopBody, nodeOf, token } from './util';

function routing() {
  return fixture('example-b-condition-routing');
}
const conditionsOf = (def: any) => nodeOf(def, 'Route').configuration.condition.conditions;

describe('MalformedConditionExpression', () => {
  test('fails when an expression does not parse', () => {
    const def = routing();
    conditionsOf(def)[0].expression = 'category = "billing"';
    expectOne(def, 'MalformedConditionExpression', {
      node: 'Route',
      message: /condition 'Billing' of Condition node 'Route': 'category = "billing"' is malformed: '=' at position 9 is not an operator; use '=='/,
    });
  });

  test('fails when an expression is longer than 64 characters', () => {
    const def = routing();
    conditionsOf(def)[0].expression = `category == "${'b'.repeat(60)}"`;
    expectOne(def, 'MalformedConditionExpression', { node: 'Route', message: /is 74 characters long; the service allows at most 64/ });
  });

  test('fails when an expression refers to something that is not an input of the node', () => {
    const def = routing();
    conditionsOf(def)[1].expression = 'urgency >= 8';
    expectOne(def, 'MalformedConditionExpression', { node: 'Route', message: /refers to 'urgency', not an input of the node \(inputs: category, priority\): add the input/ });
  });

  test('fails when a condition other than default has no expression', () => {
    const def = routing();
    delete conditionsOf(def)[1].expression;
    expectOne(def, 'MalformedConditionExpression', { node: 'Route', message: /condition 'Urgent' of Condition node 'Route' has no expression: add one/ });
  });

  test('fails when the default condition has an expression', () => {
    const def = routing();
    conditionsOf(def)[2].expression = 'priority < 8';
    expectOne(def, 'MalformedConditionExpression', { node: 'Route', message: /the 'default' condition of node 'Route' must not have an expression: remove it/ });
  });

  test("fails when a LoopController's continue condition refers to an unknown input", () => {
    const def = fixture('example-e-loop');
    nodeOf(loopBody(def), 'LoopGate').configuration.loopController.continueCondition.expression = 'quality < 8';
    expectOne(def, 'MalformedConditionExpression', { node: 'LoopGate', loopNode: 'RefineLoop', message: /continue condition 'NeedsWork' of LoopController node 'LoopGate'.*'quality'/ });
  });

  test('passes when expressions are well-formed', () => {
    expectNone(routing(), 'MalformedConditionExpression');
    expectNone(fixture('example-e-loop'), 'MalformedConditionExpression');
  });

  test('does not fail when an expression is a token or a placeholder', () => {
    const def = routing();
    conditionsOf(def)[0].expression = token('not == valid ==');
    conditionsOf(def)[1].expression = '${UrgentCondition}';
    expectNone(def, 'MalformedConditionExpression');
  });
});
