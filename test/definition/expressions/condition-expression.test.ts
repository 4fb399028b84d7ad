import { evaluateConditionExpression, parseConditionExpression } from '../../../src/definition/expressions/condition-expression';

function evaluate(text: string, inputs: Record<string, unknown>): boolean {
  const parsed = parseConditionExpression(text);
  if (!parsed.ok) throw new Error(`expected '${text}' to parse: ${parsed.cause}`);
  return evaluateConditionExpression(parsed.ast, inputs);
}

describe('condition expressions', () => {
  test.each([
    'validationResult == "yes"',
    "category == 'billing'",
    'score >= 7',
    '(priority >= 8) and (channel == "phone")',
    '(A != 2) or (B > C)',
    'not (A > B)',
    'flag == true',
    'x < -1.5',
  ])('parses %s', (text) => {
    expect(parseConditionExpression(text).ok).toBe(true);
  });

  test('lists the input names it refers to', () => {
    const parsed = parseConditionExpression('(a > 1) and (b == c)');
    expect(parsed.ok && parsed.references.sort()).toEqual(['a', 'b', 'c']);
  });

  test.each([
    ['', /empty/],
    ['1 == 1', /does not refer to any input/],
    ['a = 1', /use '==' to compare/],
    ['a == "open', /not closed/],
    ['(a == 1', /expected '\)'/],
    ['a == 1 b', /unexpected 'b'/],
    ['a ==', /ends where an operand was expected/],
    ['a == 1 == 2', /unexpected '=='/],
    ['a & b', /unexpected '&'/],
    [`longInputName == "${'x'.repeat(50)}"`, /characters long; the service allows at most 64/],
  ])('fails on %j', (text, message) => {
    const parsed = parseConditionExpression(text);
    expect(parsed.ok).toBe(false);
    expect(!parsed.ok && parsed.cause).toMatch(message);
  });

  test('== compares type and value', () => {
    expect(evaluate('lang == "en"', { lang: 'en' })).toBe(true);
    expect(evaluate('n == 7', { n: '7' })).toBe(false);
    expect(evaluate('n != 7', { n: '7' })).toBe(true);
  });

  test('relational operators compare numbers', () => {
    expect(evaluate('score >= 7', { score: 7 })).toBe(true);
    expect(evaluate('score > 7', { score: 7 })).toBe(false);
    expect(evaluate('a < b', { a: 1, b: 2 })).toBe(true);
    expect(() => evaluate('score > 7', { score: '9' })).toThrow(/compares numbers/);
  });

  test('and binds tighter than or, and not negates', () => {
    expect(evaluate('a == 1 or b == 1 and c == 1', { a: 1, b: 0, c: 0 })).toBe(true);
    expect(evaluate('not (a == 1)', { a: 1 })).toBe(false);
  });

  test('a reference to a missing input fails evaluation with its name', () => {
    expect(() => evaluate('missing == 1', {})).toThrow(/'missing', which is not an input/);
  });
});
