import { expectNone, expectOne, fixture, nodeOf } from './util';

describe('MissingDefaultCondition', () => {
  test("fails when a Condition node has no 'default' condition", () => {
    const def = fixture('example-b-condition-routing');
    nodeOf(def, 'Route').configuration.condition.conditions.pop();
    expectOne(def, 'MissingDefaultCondition', { node: 'Route', message: /Condition node 'Route' has no 'default' condition: add \{ name: 'default' \}.*otherwise\(\)/ });
  });

  test("passes when the Condition node has a 'default' condition", () => {
    expectNone(fixture('example-b-condition-routing'), 'MissingDefaultCondition');
  });
});
