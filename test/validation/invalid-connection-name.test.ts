import { connectionOf, expectNone, expectOne, rag, token } from './util';

describe('InvalidConnectionName', () => {
  test('fails when a connection name has a hyphen', () => {
    const def = rag();
    connectionOf(def, 'InputToFindChunks').name = 'Input-To-Chunks';
    expectOne(def, 'InvalidConnectionName', {
      connection: 'Input-To-Chunks',
      message: /connection #1 \(FlowInput → FindChunks\) has an invalid name 'Input-To-Chunks': use letters, digits and single underscores/,
    });
  });

  test('fails when a connection has no name', () => {
    const def = rag();
    delete connectionOf(def, 'InputToFindChunks').name;
    expectOne(def, 'InvalidConnectionName', { message: /connection #1 \(FlowInput → FindChunks\) has an invalid name \(missing\)/ });
  });

  test('fails when two connections have the same name', () => {
    const def = rag();
    connectionOf(def, 'InputToAnswer').name = 'InputToFindChunks';
    expectOne(def, 'InvalidConnectionName', { connection: 'InputToFindChunks', message: /is used more than once; give each connection its own name/ });
  });

  test('passes when names are valid and unique', () => {
    expectNone(rag(), 'InvalidConnectionName');
  });

  test('does not fail when the name is a token', () => {
    const def = rag();
    connectionOf(def, 'InputToFindChunks').name = token('not-valid');
    expectNone(def, 'InvalidConnectionName');
  });
});
