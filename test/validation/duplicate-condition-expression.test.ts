import { expectNone, expectOne, fixture, nodeOf, token } from './util';

const conditionsOf = (def: any) => nodeOf(def, 'Route').configuration.condition.conditions;

describe('DuplicateConditionExpression', () => {
  test('fails when two conditions have the same expression, however spaced or parenthesised', () => {
    const def = fixture('example-b-condition-routing');
    conditionsOf(def)[1].expression = '(category=="billing")';
    expectOne(def, 'DuplicateConditionExpression', {
      node: 'Route',
      message: /conditions 'Billing' and 'Urgent' of Condition node 'Route' have the same expression '\(category=="billing"\)'; 'Urgent' can never be chosen/,
    });
  });

  test('passes when the expressions differ (also in the type of a literal)', () => {
    const def = fixture('example-b-condition-routing');
    conditionsOf(def)[0].expression = 'priority == 8';
    conditionsOf(def)[1].expression = 'priority == "8"';
    expectNone(def, 'DuplicateConditionExpression');
  });

  test('does not fail when expressions are tokens', () => {
    const def = fixture('example-b-condition-routing');
    conditionsOf(def)[0].expression = token('a');
    conditionsOf(def)[1].expression = conditionsOf(def)[0].expression;
    expectNone(def, 'DuplicateConditionExpression');
  });
});
