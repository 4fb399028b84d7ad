import { expectNone, expectOne, findingsOf, fixture, loopBody, nodeOf, rag, token } from './util';
import { FlowValidationSeverity } from '../../src';

describe('UnresolvedPlaceholder', () => {
  test('fails when a placeholder is left in a node', () => {
    const def = fixture('example-b-condition-routing');
    nodeOf(def, 'Escalate').configuration.lambdaFunction.lambdaArn = '${EscalateFunctionArn}';
    expectOne(def, 'UnresolvedPlaceholder', {
      node: 'Escalate',
      message: /node 'Escalate' still holds the placeholder '\$\{EscalateFunctionArn\}' \(at configuration.lambdaFunction.lambdaArn\): .*substitutions: \{ EscalateFunctionArn: \.\.\. \}/,
    });
  });

  test('fails when a placeholder is inside a longer string, or in a connection', () => {
    const def = rag();
    nodeOf(def, 'Answer').configuration.prompt.sourceConfiguration.inline.modelId = 'arn:aws:bedrock:${Region}::foundation-model/x';
    def.connections[0].source = '${Source}';
    expect(findingsOf(def, 'UnresolvedPlaceholder').map(f => [f.node ?? f.connection, f.message])).toEqual([
      ['Answer', expect.stringMatching(/'\$\{Region\}' \(at configuration.prompt.sourceConfiguration.inline.modelId\)/)],
      ['InputToFindChunks', expect.stringMatching(/connection 'InputToFindChunks' still holds the placeholder '\$\{Source\}' \(at source\)/)],
    ]);
  });

  test('reports a placeholder of a loop body once, in the body', () => {
    const def = fixture('example-e-loop');
    nodeOf(loopBody(def), 'Improve').configuration.prompt.sourceConfiguration.inline.modelId = '${ModelId}';
    expectOne(def, 'UnresolvedPlaceholder', { node: 'Improve', loopNode: 'RefineLoop', message: /'\$\{ModelId\}'/ });
  });

  test('says how to fix a placeholder whose name substitutions cannot fill', () => {
    const def = rag();
    nodeOf(def, 'FindChunks').configuration.knowledgeBase.knowledgeBaseId = '${AWS::NoValue}';
    expectOne(def, 'UnresolvedPlaceholder', { node: 'FindChunks', message: /replace it with a value \(substitution names are letters and digits only\)/ });
  });

  test('warns for a placeholder in free text, which may be meant literally', () => {
    const def = rag();
    nodeOf(def, 'Answer').configuration.prompt.sourceConfiguration.inline.templateConfiguration.text.text += ' Budget: ${amount}';
    expectOne(def, 'UnresolvedPlaceholder', {
      severity: FlowValidationSeverity.WARNING,
      node: 'Answer',
      message: /'\$\{amount\}' \(at configuration.prompt.sourceConfiguration.inline.templateConfiguration.text.text\).*if the text means it literally, ignore this warning/,
    });
  });

  test('passes with allowPlaceholders', () => {
    const def = rag();
    nodeOf(def, 'FindChunks').configuration.knowledgeBase.knowledgeBaseId = '${KnowledgeBaseId}';
    expectNone(def, 'UnresolvedPlaceholder', { allowPlaceholders: true });
  });

  test('does not report CDK tokens', () => {
    const def = rag();
    nodeOf(def, 'FindChunks').configuration.knowledgeBase.knowledgeBaseId = token('KB12345678');
    nodeOf(def, 'Answer').configuration.prompt.sourceConfiguration.inline.modelId = `arn:aws:bedrock:${token('us-east-1')}::foundation-model/x`;
    expectNone(def, 'UnresolvedPlaceholder');
  });

  test('finds a placeholder after a token in the same string, and only complete ones', () => {
    const placeholders = (value: string) => {
      const def = rag();
      nodeOf(def, 'FindChunks').configuration.knowledgeBase.knowledgeBaseId = value;
      return findingsOf(def, 'UnresolvedPlaceholder').map(f => f.message.match(/placeholder '([^']*)'/)![1]);
    };
    expect(placeholders(`${token('a')}-\${Name}`)).toEqual(['${Name}']);
    expect(placeholders('$${Name}')).toEqual(['${Name}']);
    expect(placeholders('${}')).toEqual(['${}']);
    expect(placeholders('${a{b}c} ${Next}')).toEqual(['${Next}']);
    expect(placeholders('${Open')).toEqual([]);
    expect(placeholders('${a{b}')).toEqual([]);
  });
});
