import { EXAMPLES, expectNone, expectOne, fixture, nodeOf, token } from './util';
import { FlowValidationSeverity } from '../../src';

describe('MismatchedNodeInputType', () => {
  test("fails when an Iterator's array input is not an Array", () => {
    const def = fixture('example-c-iterator-collector');
    nodeOf(def, 'EachDoc').inputs[0].type = 'Object';
    expectOne(def, 'MismatchedNodeInputType', {
      node: 'EachDoc',
      port: 'array',
      message: /input 'array' of Iterator node 'EachDoc' is declared Object, but takes an Array: change its type to Array/,
    });
  });

  test('warns where the documentation disagrees on the type (Agent agentInputText)', () => {
    const def = fixture('example-b-condition-routing');
    nodeOf(def, 'BillingAgent').inputs[0].type = 'Object';
    expectOne(def, 'MismatchedNodeInputType', { severity: FlowValidationSeverity.WARNING, node: 'BillingAgent', port: 'agentInputText', message: /takes a String/ });
  });

  test.each(EXAMPLES)('passes for %s', (name) => {
    expectNone(fixture(name), 'MismatchedNodeInputType');
  });

  test('does not fail when the type is a token', () => {
    const def = fixture('example-c-iterator-collector');
    nodeOf(def, 'EachDoc').inputs[0].type = token('Object');
    expectNone(def, 'MismatchedNodeInputType');
  });
});
