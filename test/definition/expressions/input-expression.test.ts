import { evaluateInputExpression, parseInputExpression } from '../../../src/definition/expressions/input-expression';

function parse(text: string) {
  const result = parseInputExpression(text);
  if (!result.ok) throw new Error(`expected '${text}' to parse: ${result.cause}`);
  return result.expression;
}

function cause(text: string): string {
  const result = parseInputExpression(text);
  if (result.ok) throw new Error(`expected '${text}' to be malformed`);
  return result.cause;
}

describe('input expressions', () => {
  test.each([
    '$.data',
    '$.data.text',
    '$.data.animals.reptiles[2]',
    '$.data.numbers[0, 3]',
    '$.data.organisms.mammals[1:]',
    '$.data.items[:2]',
    '$.data.*.mammals',
    '$.data[*].name',
    '$.data.my-field_2',
  ])('parses %s', (text) => {
    expect(parseInputExpression(text).ok).toBe(true);
  });

  test.each([
    ['', /empty/],
    ['data.text', /start with '\$\.data'/],
    ['$.database', /start with '\$\.data'/],
    ['$.data.', /field name after '\.'/],
    ['$.data[1', /not closed/],
    ['$.data[a]', /not an index/],
    ['$.data[1:2:3]', /not a slice/],
    ['$.data text', /unexpected ' '/],
    [`$.data.${'x'.repeat(60)}`, /67 characters long; the service allows at most 64/],
  ])('fails on %j', (text, message) => {
    expect(cause(text)).toMatch(message);
  });

  test('$.data is the whole value and selects one value', () => {
    const e = parse('$.data');
    expect(e.isWholeValue).toBe(true);
    expect(e.selectsMany).toBe(false);
  });

  test('evaluates fields and indices to one value', () => {
    const data = { animals: { reptiles: ['gecko', 'iguana', 'snake'] } };
    expect(evaluateInputExpression(parse('$.data.animals.reptiles[2]'), data)).toBe('snake');
    expect(evaluateInputExpression(parse('$.data'), data)).toBe(data);
  });

  test('evaluates index lists, slices and wildcards to arrays', () => {
    const data = { numbers: [1, 2, 3, 4], organisms: { a: { mammals: ['cat'] }, b: { mammals: ['dog'] } } };
    expect(evaluateInputExpression(parse('$.data.numbers[0, 3]'), data)).toEqual([1, 4]);
    expect(evaluateInputExpression(parse('$.data.numbers[1:3]'), data)).toEqual([2, 3]);
    expect(evaluateInputExpression(parse('$.data.numbers[2:]'), data)).toEqual([3, 4]);
    expect(evaluateInputExpression(parse('$.data.organisms.*.mammals'), data)).toEqual([['cat'], ['dog']]);
  });

  test('a path that selects nothing evaluates to undefined', () => {
    expect(evaluateInputExpression(parse('$.data.missing.deeper'), { present: 1 })).toBeUndefined();
    expect(evaluateInputExpression(parse('$.data[5]'), [1])).toBeUndefined();
  });
});
