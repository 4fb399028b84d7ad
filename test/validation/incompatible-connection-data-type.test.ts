import { EXAMPLES, expectNone, expectOne, fixture, nodeOf, rag, token } from './util';
import { FlowValidationSeverity } from '../../src';

describe('IncompatibleConnectionDataType', () => {
  test('warns when a value is passed whole into an input of another type', () => {
    const def = rag();
    nodeOf(def, 'Answer').inputs[1].type = 'String';
    expectOne(def, 'IncompatibleConnectionDataType', {
      severity: FlowValidationSeverity.WARNING,
      connection: 'ChunksToAnswer',
      node: 'Answer',
      port: 'context',
      message: /output 'retrievalResults' of 'FindChunks' \(Array\) is passed whole \('\$\.data'\) into input 'context' of 'Answer' \(String\): declare the input as Array/,
    });
  });

  test('warns when an expression goes into a value that is not an Object or Array', () => {
    const def = rag();
    nodeOf(def, 'FindChunks').inputs[0].expression = '$.data.question';
    expectOne(def, 'IncompatibleConnectionDataType', {
      connection: 'InputToFindChunks',
      severity: FlowValidationSeverity.WARNING,
      message: /the expression '\$\.data\.question' of input 'retrievalQuery' of 'FindChunks' \(String\) goes into the value, but output 'document' of 'FlowInput' \(String\) is a String/,
    });
  });

  test('warns when an expression selects several values into an input that is not an Array', () => {
    const def = fixture('example-c-iterator-collector');
    nodeOf(def, 'SaveReport').inputs[1].expression = '$.data.keys[0:2]';
    expectOne(def, 'IncompatibleConnectionDataType', {
      connection: 'InputToStorageKey',
      severity: FlowValidationSeverity.WARNING,
      message: /selects several values, which arrive as an Array: declare the input as Array/,
    });
  });

  test.each(EXAMPLES)('passes for %s', (name) => {
    expectNone(fixture(name), 'IncompatibleConnectionDataType');
  });

  test('does not warn when the expression is a token', () => {
    const def = rag();
    nodeOf(def, 'FindChunks').inputs[0].expression = token('$.data.question');
    expectNone(def, 'IncompatibleConnectionDataType');
  });
});
