import { Token } from 'aws-cdk-lib';
import { FlowCondition } from '../../src';

describe('FlowCondition', () => {
  test.each([
    [FlowCondition.equalTo('lang', 'en'), 'lang == "en"'],
    [FlowCondition.notEqualTo('count', 3), 'count != 3'],
    [FlowCondition.equalTo('flag', true), 'flag == true'],
    [FlowCondition.greaterThan('score', 7), 'score > 7'],
    [FlowCondition.greaterThanOrEqualTo('score', 7), 'score >= 7'],
    [FlowCondition.lessThan('score', 2.5), 'score < 2.5'],
    [FlowCondition.lessThanOrEqualTo('score', 0), 'score <= 0'],
    [FlowCondition.and(FlowCondition.greaterThan('a', 1), FlowCondition.equalTo('b', 'x')), '(a > 1) and (b == "x")'],
    [FlowCondition.or(FlowCondition.lessThan('a', 1), FlowCondition.greaterThan('a', 9)), '(a < 1) or (a > 9)'],
    [FlowCondition.not(FlowCondition.equalTo('a', 1)), 'not (a == 1)'],
    [FlowCondition.expression('(a >= 8) and (b == "phone")'), '(a >= 8) and (b == "phone")'],
  ])('renders %#', (condition, expression) => {
    expect(condition.conditionExpression).toBe(expression);
    expect(condition._check(['a', 'b', 'lang', 'count', 'flag', 'score'])).toEqual([]);
  });

  test('reports names that are not inputs of the node', () => {
    expect(FlowCondition.equalTo('language', 'en')._check(['lang']))
      .toEqual(["'language == \"en\"' refers to 'language', which is not an input of the node (inputs: lang)"]);
  });

  test('reports a malformed raw expression and an expression over 64 characters', () => {
    expect(FlowCondition.expression('a = 1')._check(['a'])[0]).toMatch(/is malformed: '=' at position 2 is not an operator/);
    const long = FlowCondition.and(FlowCondition.equalTo('a', 'x'.repeat(30)), FlowCondition.equalTo('b', 'y'.repeat(30)));
    expect(long._check(['a', 'b'])[0]).toMatch(/characters long; the service allows at most 64/);
  });

  test('throws on values the expression language cannot express', () => {
    expect(() => FlowCondition.equalTo('a', 'say "hi"')).toThrow(/contains a quote or backslash/);
    expect(() => FlowCondition.and(FlowCondition.equalTo('a', 1))).toThrow(/needs at least two conditions, got 1/);
  });

  test('does not check an expression that is a token', () => {
    expect(FlowCondition.expression(Token.asString({ Ref: 'Expr' }))._check(['a'])).toEqual([]);
  });
});
