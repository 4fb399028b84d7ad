import { expectNone, expectOne, fixture, nodeOf, rag, token } from './util';

describe('InvalidNodeConfiguration', () => {
  test('fails when the configuration has a member besides the one of the node type', () => {
    const def = rag();
    nodeOf(def, 'FindChunks').configuration.retrieval = { serviceConfiguration: { s3: { bucketName: 'my-bucket' } } };
    expectOne(def, 'InvalidNodeConfiguration', {
      node: 'FindChunks',
      message: /the configuration of KnowledgeBase node 'FindChunks' has 'retrieval' besides 'knowledgeBase'; it takes exactly one member.*remove it/,
    });
  });

  test('passes when the configuration has exactly the member of the node type', () => {
    expectNone(fixture('example-c-iterator-collector'), 'InvalidNodeConfiguration');
  });

  test('does not fail when the configuration is a token', () => {
    const def = rag();
    nodeOf(def, 'FindChunks').configuration = token() as any;
    expectNone(def, 'InvalidNodeConfiguration');
  });
});
