import { App, Lazy, Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import {
  ConditionNode, Flow, FlowCondition, FlowDataType, FlowDefinition, FlowModel, InlineCodeNode, InputNode, IteratorNode,
  LoopControllerNode, LoopNode, OutputNode, PromptNode,
} from '../../src';
import { renderDefinition, testStack } from '../util/render';

const MODEL = FlowModel.foundationModel('anthropic.claude-3-haiku-20240307-v1:0');
const SCORE_CODE = '{"draft": draft, "score": min(10, len(draft) // 100)}';

/** The DoWhile loop of flows-spec §1.10 E: improve a draft until it scores 8 or more. */
function refineLoop(stack: Stack, input: InputNode) {
  const loop = new LoopNode(stack, 'RefineLoop', { inputs: { loopInput: input.document }, loopInputName: 'LoopStart' });
  const improve = new PromptNode(loop, 'Improve', {
    model: MODEL,
    template: 'Improve this draft:\n{{draft}}',
    inputs: { draft: loop.loopInput.output('loopInput') },
  });
  const score = new InlineCodeNode(loop, 'Score', { code: SCORE_CODE, inputs: { draft: improve.modelCompletion } });
  const gate = new LoopControllerNode(loop, 'LoopGate', {
    continueCondition: FlowCondition.lessThan('score', 8),
    conditionName: 'NeedsWork',
    conditionInputs: { score: score.response.at('$.data.score', FlowDataType.NUMBER) },
    returnValues: { loopInput: score.response.at('$.data.draft', FlowDataType.STRING) },
    exitValues: { loopOutput: score.response.at('$.data.draft', FlowDataType.STRING) },
    maxIterations: 5,
  });
  return { loop, improve, score, gate };
}

describe('LoopNode', () => {
  let stack: Stack;
  let input: InputNode;
  beforeEach(() => {
    stack = testStack();
    input = new InputNode(stack, 'FlowInput', { type: FlowDataType.STRING });
  });

  test('renders the body as the nested loop definition, with LoopInput and LoopController mirroring the loop ports', () => {
    // GIVEN
    const { loop } = refineLoop(stack, input);

    // WHEN
    const definition = renderDefinition(stack, input.next(loop).next(new OutputNode(stack, 'FlowOutput')));

    // THEN
    expect(definition).toStrictEqual({
      nodes: [
        { name: 'FlowInput', type: 'Input', configuration: { input: {} }, outputs: [{ name: 'document', type: 'String' }] },
        {
          name: 'RefineLoop',
          type: 'Loop',
          configuration: {
            loop: {
              definition: {
                nodes: [
                  { name: 'LoopStart', type: 'LoopInput', configuration: { loopInput: {} }, outputs: [{ name: 'loopInput', type: 'String' }] },
                  {
                    name: 'Improve',
                    type: 'Prompt',
                    configuration: {
                      prompt: {
                        sourceConfiguration: {
                          inline: {
                            templateType: 'TEXT',
                            templateConfiguration: { text: { text: 'Improve this draft:\n{{draft}}', inputVariables: [{ name: 'draft' }] } },
                            modelId: 'anthropic.claude-3-haiku-20240307-v1:0',
                          },
                        },
                      },
                    },
                    inputs: [{ name: 'draft', type: 'String', expression: '$.data' }],
                    outputs: [{ name: 'modelCompletion', type: 'String' }],
                  },
                  {
                    name: 'Score',
                    type: 'InlineCode',
                    configuration: { inlineCode: { code: SCORE_CODE, language: 'Python_3' } },
                    inputs: [{ name: 'draft', type: 'String', expression: '$.data' }],
                    outputs: [{ name: 'response', type: 'Object' }],
                  },
                  {
                    name: 'LoopGate',
                    type: 'LoopController',
                    configuration: { loopController: { continueCondition: { name: 'NeedsWork', expression: 'score < 8' }, maxIterations: 5 } },
                    inputs: [
                      { name: 'score', type: 'Number', expression: '$.data.score', category: 'LoopCondition' },
                      { name: 'loopInput', type: 'String', expression: '$.data.draft', category: 'ReturnValueToLoopStart' },
                      { name: 'loopOutput', type: 'String', expression: '$.data.draft', category: 'ExitLoop' },
                    ],
                  },
                ],
                connections: [
                  {
                    name: 'LoopStart_Improve_draft',
                    type: 'Data',
                    source: 'LoopStart',
                    target: 'Improve',
                    configuration: { data: { sourceOutput: 'loopInput', targetInput: 'draft' } },
                  },
                  {
                    name: 'Improve_Score_draft',
                    type: 'Data',
                    source: 'Improve',
                    target: 'Score',
                    configuration: { data: { sourceOutput: 'modelCompletion', targetInput: 'draft' } },
                  },
                  {
                    name: 'Score_LoopGate_score',
                    type: 'Data',
                    source: 'Score',
                    target: 'LoopGate',
                    configuration: { data: { sourceOutput: 'response', targetInput: 'score' } },
                  },
                  {
                    name: 'Score_LoopGate_loopInput',
                    type: 'Data',
                    source: 'Score',
                    target: 'LoopGate',
                    configuration: { data: { sourceOutput: 'response', targetInput: 'loopInput' } },
                  },
                  {
                    name: 'Score_LoopGate_loopOutput',
                    type: 'Data',
                    source: 'Score',
                    target: 'LoopGate',
                    configuration: { data: { sourceOutput: 'response', targetInput: 'loopOutput' } },
                  },
                ],
              },
            },
          },
          inputs: [{ name: 'loopInput', type: 'String', expression: '$.data' }],
          outputs: [{ name: 'loopOutput', type: 'String' }],
        },
        {
          name: 'FlowOutput',
          type: 'Output',
          configuration: { output: {} },
          inputs: [{ name: 'document', type: 'String', expression: '$.data' }],
        },
      ],
      connections: [
        {
          name: 'FlowInput_RefineLoop_loopInput',
          type: 'Data',
          source: 'FlowInput',
          target: 'RefineLoop',
          configuration: { data: { sourceOutput: 'document', targetInput: 'loopInput' } },
        },
        {
          name: 'RefineLoop_FlowOutput_document',
          type: 'Data',
          source: 'RefineLoop',
          target: 'FlowOutput',
          configuration: { data: { sourceOutput: 'loopOutput', targetInput: 'document' } },
        },
      ],
    });
  });

  test('exposes the body ends and the loop outputs', () => {
    // GIVEN / WHEN
    const { loop, gate } = refineLoop(stack, input);

    // THEN
    expect(loop.controller).toBe(gate);
    expect(gate.loop).toBe(loop);
    expect(loop.loopInput.loop).toBe(loop);
    expect(loop.output('loopOutput').type).toBe(FlowDataType.STRING);
    expect(loop._innerNodes().map(n => n.nodeName)).toStrictEqual(['LoopStart', 'Improve', 'Score', 'LoopGate']);
  });

  test('leaves out maxIterations when it is not given, and names the condition continueLoop', () => {
    // GIVEN
    const loop = new LoopNode(stack, 'Loop', { inputs: { count: input.document.at('$.data', FlowDataType.STRING) } });
    new LoopControllerNode(loop, 'Gate', {
      continueCondition: FlowCondition.notEqualTo('count', 'done'),
      conditionInputs: { count: loop.loopInput.output('count') },
    });

    // WHEN
    const body = renderDefinition(stack, input.next(loop)).nodes![1].configuration!.loop.definition;

    // THEN
    expect(body.nodes[1]).toStrictEqual({
      name: 'Gate',
      type: 'LoopController',
      configuration: { loopController: { continueCondition: { name: 'continueLoop', expression: 'count != "done"' } } },
      inputs: [{ name: 'count', type: 'String', expression: '$.data', category: 'LoopCondition' }],
    });
    expect(body.nodes[0].name).toBe('LoopInput');
  });

  test('accepts maxIterations that is a token', () => {
    const loop = new LoopNode(stack, 'Loop', { inputs: { num: input.document } });
    expect(() => new LoopControllerNode(loop, 'Gate', {
      continueCondition: FlowCondition.equalTo('num', 'x'),
      conditionInputs: { num: loop.loopInput.output('num') },
      maxIterations: Lazy.number({ produce: () => 5000 }),
    })).not.toThrow();
  });

  test('synthesizes in a Flow, with the body nodes marked as part of it', () => {
    // GIVEN
    const { loop } = refineLoop(stack, input);

    // WHEN
    new Flow(stack, 'Flow', { definition: FlowDefinition.fromChainable(input.next(loop).next(new OutputNode(stack, 'FlowOutput'))) });

    // THEN
    Template.fromStack(stack).hasResourceProperties('AWS::Bedrock::Flow', {
      Definition: {
        Nodes: [
          { Name: 'FlowInput' },
          {
            Name: 'RefineLoop',
            Type: 'Loop',
            Configuration: {
              Loop: {
                Definition: {
                  Nodes: [
                    { Name: 'LoopStart', Type: 'LoopInput', Configuration: { LoopInput: {} } },
                    { Name: 'Improve', Type: 'Prompt' },
                    { Name: 'Score', Type: 'InlineCode' },
                    {
                      Name: 'LoopGate',
                      Type: 'LoopController',
                      Configuration: { LoopController: { ContinueCondition: { Name: 'NeedsWork', Expression: 'score < 8' }, MaxIterations: 5 } },
                    },
                  ],
                },
              },
            },
            Outputs: [{ Name: 'loopOutput', Type: 'String' }],
          },
          { Name: 'FlowOutput' },
        ],
      },
    });
  });

  describe('boundary', () => {
    test('throws when a body node reads an outside output', () => {
      const loop = new LoopNode(stack, 'Loop', { inputs: { draft: input.document } });
      expect(() => new PromptNode(loop, 'Improve', { model: MODEL, template: '{{draft}}', inputs: { draft: input.document } }))
        .toThrow(/input 'draft' of node 'Improve' \(in the body of Loop node 'Loop'\) cannot read 'FlowInput.document' \(outside any loop\): a connection cannot cross a loop boundary.*pass outside values into a loop body through the Loop node's `inputs`/);
    });

    test('throws when an outside node reads a body output', () => {
      const { improve } = refineLoop(stack, input);
      expect(() => new OutputNode(stack, 'Out', { document: improve.modelCompletion }))
        .toThrow(/input 'document' of node 'Out' \(outside any loop\) cannot read 'Improve.modelCompletion' \(in the body of Loop node 'RefineLoop'\): a connection cannot cross a loop boundary.*`exitValues` of its LoopControllerNode/);
    });

    test('throws when a node created outside the loop reads the LoopInput, and says how to put it in the body', () => {
      const loop = new LoopNode(stack, 'Loop', { inputs: { draft: input.document } });
      expect(() => new PromptNode(stack, 'Improve', { model: MODEL, template: '{{draft}}', inputs: { draft: loop.loopInput.output('draft') } }))
        .toThrow(/A node is in a loop body when it is created with the Loop node as its scope \(new XxxNode\(loop, 'Id', \.\.\.\)\)/);
    });

    test('throws when a node of one loop body reads a node of another', () => {
      const first = refineLoop(stack, input);
      const other = new LoopNode(stack, 'Other', { inputs: { xx: input.document } });
      expect(() => new InlineCodeNode(other, 'Peek', { code: 'xx', inputs: { xx: first.improve.modelCompletion } }))
        .toThrow(/\(in the body of Loop node 'Other'\) cannot read 'Improve.modelCompletion' \(in the body of Loop node 'RefineLoop'\)/);
    });

    test('throws when next() would connect across the boundary', () => {
      const loop = new LoopNode(stack, 'Loop', { inputs: { draft: input.document } });
      const code = new InlineCodeNode(loop, 'Code', { code: 'xx', inputs: { xx: loop.loopInput.output('draft') } });
      expect(() => code.next(new OutputNode(stack, 'Out'))).toThrow(/a connection cannot cross a loop boundary/);
    });

    test.each([
      ['Output', (s: LoopNode) => new OutputNode(s, 'Inner')],
      ['Input', (s: LoopNode) => new InputNode(s, 'Inner')],
      ['Condition', (s: LoopNode) => new ConditionNode(s, 'Inner', { inputs: { a: s.loopInput.output('draft') } })],
      ['Iterator', (s: LoopNode) => new IteratorNode(s, 'Inner')],
      ['Loop', (s: LoopNode) => new LoopNode(s, 'Inner', { inputs: { a: s.loopInput.output('draft') } })],
    ])('throws when a %s node is created in a loop body', (type, create) => {
      const loop = new LoopNode(stack, 'Loop', { inputs: { draft: input.document } });
      expect(() => create(loop)).toThrow(new RegExp(`${type} node 'Inner' cannot be in the body of Loop node 'Loop': a loop body cannot hold `
        + 'Input, Output, Condition, Iterator, Collector, Loop nodes'));
    });

    test('throws when a Collector node is created in a loop body', () => {
      const each = new IteratorNode(stack, 'Each', { array: input.document.at('$.data', FlowDataType.ARRAY) });
      const loop = new LoopNode(stack, 'Loop', { inputs: { draft: input.document } });
      expect(() => each.collect(loop, 'Gather')).toThrow(/Collector node 'Gather' cannot be in the body of Loop node 'Loop'/);
    });
  });

  describe('eager checks', () => {
    test('throws when the loop has no inputs', () => {
      expect(() => new LoopNode(stack, 'Loop', { inputs: {} })).toThrow(/Loop node 'Loop' needs at least one input: the values its body starts from/);
    });

    test('throws when a LoopController is created outside a loop', () => {
      expect(() => new LoopControllerNode(stack, 'Gate', { continueCondition: FlowCondition.equalTo('a', 1), conditionInputs: { a: input.document } }))
        .toThrow(/LoopController node 'Gate' is not in a loop body: create it with the Loop node as its scope \(new LoopControllerNode\(loop, 'Gate', \{\.\.\.\}\)\)/);
    });

    test('throws on a second LoopController', () => {
      const { loop, score } = refineLoop(stack, input);
      expect(() => new LoopControllerNode(loop, 'Gate2', {
        continueCondition: FlowCondition.equalTo('ss', 1),
        conditionInputs: { ss: score.response },
      })).toThrow(/Loop node 'RefineLoop' already has a LoopController \('LoopGate'\); a loop body has exactly one/);
    });

    test('throws when a return value is not a loop input, or has another type', () => {
      const loop = new LoopNode(stack, 'Loop', { inputs: { draft: input.document } });
      const code = new InlineCodeNode(loop, 'Code', { code: 'xx', inputs: { xx: loop.loopInput.output('draft') } });
      expect(() => new LoopControllerNode(loop, 'Gate', {
        continueCondition: FlowCondition.equalTo('cc', 1),
        conditionInputs: { cc: code.response },
        returnValues: { text: code.response },
      })).toThrow(/LoopController node 'Gate': return value 'text' is not an input of Loop node 'Loop' \(inputs: 'draft'\)/);
      expect(() => new LoopControllerNode(loop, 'Gate3', {
        continueCondition: FlowCondition.equalTo('cc', 1),
        conditionInputs: { cc: code.response },
        returnValues: { draft: code.response },
      })).toThrow(/input 'draft' of node 'Gate3' takes a String, but 'Code.response' gives Object/);
    });

    test('throws when an input name is used twice across conditionInputs, returnValues and exitValues', () => {
      const loop = new LoopNode(stack, 'Loop', { inputs: { draft: input.document } });
      expect(() => new LoopControllerNode(loop, 'Gate', {
        continueCondition: FlowCondition.equalTo('draft', 'x'),
        conditionInputs: { draft: loop.loopInput.output('draft') },
        exitValues: { draft: loop.loopInput.output('draft') },
      })).toThrow(/'draft' is in both `conditionInputs` and `exitValues`; they are all inputs of the LoopController, so their names must differ/);
    });

    test('throws when the continue condition refers to something other than a condition input', () => {
      const loop = new LoopNode(stack, 'Loop', { inputs: { draft: input.document } });
      expect(() => new LoopControllerNode(loop, 'Gate', {
        continueCondition: FlowCondition.lessThan('score', 8),
        conditionInputs: { draft: loop.loopInput.output('draft') },
      })).toThrow(/LoopController node 'Gate', continue condition: 'score < 8' refers to 'score', which is not an input of the node/);
    });

    test('throws without condition inputs', () => {
      const loop = new LoopNode(stack, 'Loop', { inputs: { draft: input.document } });
      expect(() => new LoopControllerNode(loop, 'Gate', { continueCondition: FlowCondition.expression('x == 1'), conditionInputs: {} }))
        .toThrow(/LoopController node 'Gate' needs at least one of `conditionInputs`/);
    });

    test.each([0, 1001, 2.5])('throws when maxIterations is %p', (n) => {
      const loop = new LoopNode(stack, 'Loop', { inputs: { draft: input.document } });
      expect(() => new LoopControllerNode(loop, 'Gate', {
        continueCondition: FlowCondition.equalTo('dd', 'x'),
        conditionInputs: { dd: loop.loopInput.output('draft') },
        maxIterations: n,
      })).toThrow(/LoopController node 'Gate': maxIterations must be a whole number from 1 to 1000/);
    });

    test('throws on more than 5 exit values', () => {
      const loop = new LoopNode(stack, 'Loop', { inputs: { draft: input.document } });
      const exitValues: { [name: string]: any } = {};
      for (let i = 1; i <= 6; i++) exitValues[`out${i}`] = loop.loopInput.output('draft');
      expect(() => new LoopControllerNode(loop, 'Gate', {
        continueCondition: FlowCondition.equalTo('dd', 'x'),
        conditionInputs: { dd: loop.loopInput.output('draft') },
        exitValues,
      })).toThrow(/LoopController node 'Gate' has 6 exit values; a Loop node has at most 5 outputs/);
    });

    test('throws when reading an output or input the loop does not have', () => {
      const loop = new LoopNode(stack, 'Loop', { inputs: { draft: input.document } });
      expect(() => loop.output('result')).toThrow(/Loop node 'Loop' has no output 'result' \(no outputs yet\); a loop's outputs are the `exitValues` of its LoopControllerNode/);
      expect(() => loop.loopInput.output('text')).toThrow(/Loop node 'Loop' has no input 'text' \(inputs: 'draft'\); add it to the loop's `inputs`/);
    });

    test('fails synth when the loop has no LoopController', () => {
      const app = new App();
      const s = new Stack(app, 'S');
      const doc = new InputNode(s, 'Doc');
      const loop = new LoopNode(s, 'Loop', { inputs: { draft: doc.document } });
      new InlineCodeNode(loop, 'Code', { code: 'xx', inputs: { xx: loop.loopInput.output('draft') } });
      new Flow(s, 'Flow', { definition: FlowDefinition.fromChainable(doc.next(loop)) });
      new OutputNode(s, 'Out', { document: doc.document });
      expect(() => app.synth()).toThrow(/Loop node 'Loop' has no LoopController: end its body with new LoopControllerNode\(loop, 'Id', \{ continueCondition, \.\.\. \}\)/);
    });
  });
});
