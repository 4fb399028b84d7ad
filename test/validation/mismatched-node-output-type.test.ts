import { EXAMPLES, expectNone, expectOne, fixture, nodeOf, rag, token } from './util';
import { FlowValidationSeverity } from '../../src';

describe('MismatchedNodeOutputType', () => {
  test('fails when modelCompletion is not a String', () => {
    const def = rag();
    nodeOf(def, 'Answer').outputs[0].type = 'Object';
    expectOne(def, 'MismatchedNodeOutputType', {
      node: 'Answer',
      port: 'modelCompletion',
      message: /output 'modelCompletion' of Prompt node 'Answer' is declared Object, but is always a String: change its type to String/,
    });
  });

  test('warns where the documentation disagrees on the type (Retrieval s3Content)', () => {
    const def = fixture('example-d-lex-retrieval');
    nodeOf(def, 'LoadTemplate').outputs[0].type = 'Object';
    expectOne(def, 'MismatchedNodeOutputType', { severity: FlowValidationSeverity.WARNING, node: 'LoadTemplate', port: 's3Content', message: /is always a String/ });
  });

  test('passes for outputs of any type (functionResponse, document, arrayItem)', () => {
    const def = fixture('example-c-iterator-collector');
    nodeOf(def, 'ExtractFields').outputs[0].type = 'Array';
    expectNone(def, 'MismatchedNodeOutputType');
  });

  test.each(EXAMPLES)('passes for %s', (name) => {
    expectNone(fixture(name), 'MismatchedNodeOutputType');
  });

  test('does not fail when the type is a token', () => {
    const def = rag();
    nodeOf(def, 'Answer').outputs[0].type = token('Object');
    expectNone(def, 'MismatchedNodeOutputType');
  });
});
