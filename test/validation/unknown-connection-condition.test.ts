import { connectionOf, expectNone, expectOne, fixture, token } from './util';

describe('UnknownConnectionCondition', () => {
  test('fails when the condition is not a condition of the source Condition node', () => {
    const def = fixture('example-b-condition-routing');
    connectionOf(def, 'RouteDefault').configuration.conditional.condition = 'Default';
    expectOne(def, 'UnknownConnectionCondition', {
      connection: 'RouteDefault',
      node: 'Route',
      message: /connection 'RouteDefault' follows condition 'Default' of Condition node 'Route', which has no such condition \(its conditions: 'Billing', 'Urgent', 'default'\)/,
    });
  });

  test('passes when every conditional connection names a condition', () => {
    expectNone(fixture('example-b-condition-routing'), 'UnknownConnectionCondition');
  });

  test('does not fail when the condition is a token', () => {
    const def = fixture('example-b-condition-routing');
    connectionOf(def, 'RouteDefault').configuration.conditional.condition = token('Other');
    expectNone(def, 'UnknownConnectionCondition');
  });
});
