import { data, flow, inlineCodeNode, inputNode, outputNode, promptNode } from './definitions';
import { FlowNodeJson } from '../../src/definition/schema';
import { FlowSimulator, InlineCodeRequest, PromptRequest } from '../../src/testing';

/**
 * Input → Refine (Loop) → Output. Body: LoopStart (LoopInput) → Improve (Prompt) → Score (InlineCode:
 * `{ draft, score }`) → LoopGate (LoopController: score → LoopCondition, draft → ReturnValueToLoopStart
 * and ExitLoop). Flows-spec §1.10 E.
 */
function refineFlow(continueExpression: string, maxIterations?: number) {
  const body = flow(
    [
      { name: 'LoopStart', type: 'LoopInput', configuration: { loopInput: {} }, outputs: [{ name: 'loopInput', type: 'String' }] },
      promptNode('Improve', 'Improve: {{draft}}', [['draft', 'String']]),
      inlineCodeNode('Score', '{"draft": draft, "score": len(draft)}', [['draft', 'String']], 'Object'),
      {
        name: 'LoopGate',
        type: 'LoopController',
        configuration: {
          loopController: {
            continueCondition: { name: 'NeedsWork', expression: continueExpression },
            ...(maxIterations !== undefined ? { maxIterations } : {}),
          },
        },
        inputs: [
          { name: 'score', type: 'Number', expression: '$.data.score', category: 'LoopCondition' },
          { name: 'loopInput', type: 'String', expression: '$.data.draft', category: 'ReturnValueToLoopStart' },
          { name: 'loopOutput', type: 'String', expression: '$.data.draft', category: 'ExitLoop' },
        ],
      },
    ],
    [
      data('LoopStart', 'loopInput', 'Improve', 'draft'),
      data('Improve', 'modelCompletion', 'Score', 'draft'),
      data('Score', 'response', 'LoopGate', 'score'),
      data('Score', 'response', 'LoopGate', 'loopInput'),
      data('Score', 'response', 'LoopGate', 'loopOutput'),
    ],
  );
  const loop: FlowNodeJson = {
    name: 'Refine',
    type: 'Loop',
    configuration: { loop: { definition: body } },
    inputs: [{ name: 'loopInput', type: 'String', expression: '$.data' }],
    outputs: [{ name: 'loopOutput', type: 'String' }],
  };
  return flow(
    [inputNode('String'), loop, outputNode('Final')],
    [data('FlowInput', 'document', 'Refine', 'loopInput'), data('Refine', 'loopOutput', 'Final', 'document')],
  );
}

/** Improve appends '+'; Score scores by length. */
function simulatorFor(continueExpression: string, maxIterations?: number) {
  const prompts: string[] = [];
  const simulator = new FlowSimulator(refineFlow(continueExpression, maxIterations), {
    handlers: {
      Prompt: (request: PromptRequest) => {
        prompts.push(request.prompt!);
        return `${request.inputs.draft}+`;
      },
      InlineCode: ({ inputs }: InlineCodeRequest) => ({ draft: inputs.draft, score: String(inputs.draft).length }),
    },
  });
  return { simulator, prompts };
}

describe('FlowSimulator Loop', () => {
  test('continues while the continue condition is true, feeding ReturnValueToLoopStart back to the LoopInput', async () => {
    // GIVEN: continue while the draft is shorter than 8 characters
    const { simulator, prompts } = simulatorFor('score < 8', 20);

    // WHEN
    const result = await simulator.run('x');

    // THEN: 'x+' (2) ... 'x+++++++' (8): seven iterations
    expect(prompts).toEqual(['Improve: x', 'Improve: x+', 'Improve: x++', 'Improve: x+++', 'Improve: x++++', 'Improve: x+++++', 'Improve: x++++++']);
    expect(result.nodeRuns).toMatchObject({ Refine: 1, LoopStart: 7, Improve: 7, Score: 7, LoopGate: 7, Final: 1 });
  });

  test('makes the ExitLoop values the Loop node\'s outputs', async () => {
    // GIVEN
    const { simulator } = simulatorFor('score < 8', 20);

    // WHEN
    const result = await simulator.run('x');

    // THEN
    expect(result.outputsByNode).toEqual({ Final: ['x+++++++'] });
    expect(result.traces).toContainEqual({
      nodeOutputTrace: {
        nodeName: 'Refine',
        timestamp: expect.any(Date),
        fields: [{ nodeOutputName: 'loopOutput', content: { document: 'x+++++++' }, next: [{ nodeName: 'Final', inputFieldName: 'document' }], type: 'String' }],
      },
    });
  });

  test('stops after maxIterations even when the condition still holds', async () => {
    // GIVEN
    const { simulator, prompts } = simulatorFor('score < 100', 3);

    // WHEN
    const result = await simulator.run('x');

    // THEN
    expect(prompts).toHaveLength(3);
    expect(result.outputsByNode.Final).toEqual(['x+++']);
  });

  test('runs at most 10 iterations when maxIterations is not set', async () => {
    // GIVEN
    const { simulator, prompts } = simulatorFor('score >= 0');

    // WHEN
    const result = await simulator.run('x');

    // THEN
    expect(prompts).toHaveLength(10);
    expect(result.outputsByNode.Final).toEqual(['x++++++++++']);
  });

  test('runs the body once when the condition is false after the first iteration', async () => {
    // GIVEN
    const { simulator, prompts } = simulatorFor('score < 0', 5);

    // WHEN
    const result = await simulator.run('x');

    // THEN
    expect(prompts).toEqual(['Improve: x']);
    expect(result.outputsByNode.Final).toEqual(['x+']);
  });

  test('records each iteration in the executionChain of the body nodes', async () => {
    // GIVEN
    const { simulator } = simulatorFor('score < 3', 5);

    // WHEN
    const result = await simulator.run('x');

    // THEN
    const chains = result.traces.flatMap(t => 'nodeInputTrace' in t && t.nodeInputTrace.nodeName === 'Improve'
      ? [t.nodeInputTrace.fields[0].executionChain] : []);
    expect(chains).toEqual([
      [{ nodeName: 'Refine', index: 0, type: 'Loop' }],
      [{ nodeName: 'Refine', index: 1, type: 'Loop' }],
    ]);
  });

  test('fails when the continue condition cannot be evaluated', async () => {
    // GIVEN: the condition compares a LoopCondition Number with a string (validation skipped: a run-time error)
    const definition = refineFlow('score > "high"', 5);
    const simulator = new FlowSimulator(definition, {
      validate: false,
      handlers: { Prompt: () => 'draft', InlineCode: ({ inputs }: InlineCodeRequest) => ({ draft: inputs.draft, score: 1 }) },
    });

    // WHEN / THEN
    await expect(simulator.run('x')).rejects.toThrow("LoopController node 'LoopGate': continueCondition 'NeedsWork' (score > \"high\") over its "
      + "LoopCondition inputs cannot be evaluated: '>' compares numbers, got 1 and \"high\" (in iteration 0 of Loop 'Refine')");
  });
});
