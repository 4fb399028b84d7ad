import { connectionOf, expectNone, expectOne, findingsOf, fixture, rag, token } from './util';

describe('MissingConnectionConfiguration', () => {
  test('fails when a data connection has no configuration', () => {
    const def = rag();
    delete connectionOf(def, 'ChunksToAnswer').configuration;
    expectOne(def, 'MissingConnectionConfiguration', {
      connection: 'ChunksToAnswer',
      message: /Data connection 'ChunksToAnswer' \(FindChunks → Answer\) has no 'data' configuration: set configuration to \{ data: \{ sourceOutput:/,
    });
  });

  test('fails when the configuration does not match the type', () => {
    const def = fixture('example-b-condition-routing');
    connectionOf(def, 'RouteBilling').configuration = { data: { sourceOutput: 'x', targetInput: 'y' } };
    expectOne(def, 'MissingConnectionConfiguration', { connection: 'RouteBilling', message: /has a 'data' configuration, which does not match its type: .*or change its type/ });
  });

  test('fails when a field is missing, or the configuration has both members', () => {
    const def = rag();
    delete connectionOf(def, 'ChunksToAnswer').configuration.data.targetInput;
    connectionOf(def, 'InputToAnswer').configuration.conditional = { condition: 'default' };
    expect(findingsOf(def, 'MissingConnectionConfiguration').map(f => [f.connection, f.message])).toEqual([
      ['InputToAnswer', expect.stringMatching(/has 'conditional' besides 'data': remove it/)],
      ['ChunksToAnswer', expect.stringMatching(/has no configuration.data.targetInput/)],
    ]);
  });

  test('passes when each connection has the configuration of its type', () => {
    expectNone(fixture('example-b-condition-routing'), 'MissingConnectionConfiguration');
  });

  test('does not fail when the configuration is a token', () => {
    const def = rag();
    connectionOf(def, 'ChunksToAnswer').configuration = token() as any;
    expectNone(def, 'MissingConnectionConfiguration');
  });
});
