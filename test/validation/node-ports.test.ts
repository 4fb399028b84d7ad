import { token } from './util';
import { NODE_TYPES } from '../../src/definition/schema';
import { describePorts, NODE_PORTS, nodePorts } from '../../src/validation/node-ports';

describe('node ports', () => {
  test('every node type has its ports', () => {
    expect(Object.keys(NODE_PORTS).sort()).toEqual([...NODE_TYPES].sort());
  });

  test('a KnowledgeBase node outputs retrievalResults without modelId and outputText with it (or a token)', () => {
    const kb = (modelId?: string) => nodePorts({ name: 'K', type: 'KnowledgeBase', configuration: { knowledgeBase: { knowledgeBaseId: 'KB', modelId } } })!;
    expect(describePorts(kb().outputs)).toBe('retrievalResults (Array)');
    expect(describePorts(kb('').outputs)).toBe('retrievalResults (Array)');
    expect(describePorts(kb('m').outputs)).toBe('outputText (String)');
    expect(describePorts(kb(token()).outputs)).toBe('outputText (String)');
  });

  test('describes fixed, optional, free and absent ports', () => {
    expect(describePorts(NODE_PORTS.Lex.inputs)).toBe('inputText (String), requestAttributes (Object) optional, sessionAttributes (Object) optional');
    expect(describePorts(NODE_PORTS.Prompt.inputs)).toBe('any names');
    expect(describePorts(NODE_PORTS.Input.inputs)).toBe('none');
    expect(describePorts(NODE_PORTS.Iterator.outputs)).toBe('arrayItem, arraySize (Number)');
  });

  test('has no ports for a type that is not a node type', () => {
    expect(nodePorts({ name: 'X', type: 'DoWhile' })).toBeUndefined();
    expect(nodePorts({ name: 'X', type: 'constructor' })).toBeUndefined();
  });
});
