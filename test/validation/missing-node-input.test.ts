import { EXAMPLES, expectNone, expectOne, fixture, nodeOf, token } from './util';

describe('MissingNodeInput', () => {
  test('fails when a node lacks an input its type requires', () => {
    const def = fixture('example-c-iterator-collector');
    nodeOf(def, 'SaveReport').inputs.pop();
    expectOne(def, 'MissingNodeInput', {
      node: 'SaveReport',
      port: 'objectKey',
      message: /Storage node 'SaveReport' has no input 'objectKey': add \{ name: 'objectKey', type: 'String', expression: '\$\.data' \} to its inputs and connect an output to it/,
    });
  });

  test('fails when a Collector lacks arraySize', () => {
    const def = fixture('example-c-iterator-collector');
    nodeOf(def, 'GatherDocs').inputs.pop();
    expectOne(def, 'MissingNodeInput', { node: 'GatherDocs', port: 'arraySize', message: /Collector node 'GatherDocs' has no input 'arraySize'/ });
  });

  test('passes when optional inputs are left out', () => {
    expectNone(fixture('example-d-lex-retrieval'), 'MissingNodeInput'); // Lex without requestAttributes/sessionAttributes
  });

  test.each(EXAMPLES)('passes for %s', (name) => {
    expectNone(fixture(name), 'MissingNodeInput');
  });

  test('does not fail when the inputs are a token', () => {
    const def = fixture('example-c-iterator-collector');
    nodeOf(def, 'SaveReport').inputs = token() as any;
    expectNone(def, 'MissingNodeInput');
  });
});
