import { EXAMPLES, expectNone, expectOne, fixture, nodeOf, rag, token } from './util';

describe('MalformedNodeInputExpression', () => {
  test('fails when an expression does not start with $.data', () => {
    const def = rag();
    nodeOf(def, 'Answer').inputs[0].expression = '$.question';
    expectOne(def, 'MalformedNodeInputExpression', {
      node: 'Answer',
      port: 'question',
      message: /input 'question' of node 'Answer' has the malformed expression '\$\.question': it must start with '\$\.data'; write '\$\.data' followed by/,
    });
  });

  test('fails when an expression is longer than 64 characters', () => {
    const def = rag();
    nodeOf(def, 'Answer').inputs[0].expression = `$.data.${'q'.repeat(60)}`;
    expectOne(def, 'MalformedNodeInputExpression', { node: 'Answer', port: 'question', message: /67 characters long; the service allows at most 64/ });
  });

  test('fails when an input has no expression', () => {
    const def = rag();
    delete nodeOf(def, 'Answer').inputs[0].expression;
    expectOne(def, 'MalformedNodeInputExpression', { node: 'Answer', port: 'question', message: /has no expression: set expression to '\$\.data'/ });
  });

  test('passes for the forms of the JsonPath subset', () => {
    const def = rag();
    const exprs = ['$.data', '$.data.a.b[2]', '$.data.list[0, 3]', '$.data.list[1:]', '$.data.*.name'];
    exprs.forEach((e, i) => { def.nodes[1 + (i % 3)].inputs![0].expression = e; expectNone(def, 'MalformedNodeInputExpression'); });
  });

  test.each(EXAMPLES)('passes for %s', (name) => {
    expectNone(fixture(name), 'MalformedNodeInputExpression');
  });

  test('does not fail when the expression is a token or a placeholder', () => {
    const def = rag();
    nodeOf(def, 'Answer').inputs[0].expression = token('question');
    nodeOf(def, 'Answer').inputs[1].expression = '${ContextPath}';
    expectNone(def, 'MalformedNodeInputExpression');
  });
});
