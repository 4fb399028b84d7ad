import { agentNode, collectorNode, data, flow, inputNode, iteratorNode, outputNode } from './definitions';
import { AgentRequest, FlowSimulator, requestInput } from '../../src/testing';

/** Input → Concierge (Agent) → Answer; Input → Echo (Output). */
const conciergeFlow = flow(
  [inputNode('String'), agentNode('Concierge'), outputNode('Answer'), outputNode('Echo')],
  [
    data('FlowInput', 'document', 'Concierge', 'agentInputText'),
    data('Concierge', 'agentResponse', 'Answer', 'document'),
    data('FlowInput', 'document', 'Echo', 'document'),
  ],
);

/** Asks for the city once, then books. */
function concierge() {
  return jest.fn((request: AgentRequest) => (request.turn === 1 ? requestInput('Which city?') : `Booked a hotel in ${request.agentInputText}`));
}

describe('FlowSimulator multi-turn Agent nodes', () => {
  test('stop the run with INPUT_REQUIRED and an input request event when the agent asks for input', async () => {
    // GIVEN
    const simulator = new FlowSimulator(conciergeFlow, { handlers: { Agent: concierge() } });

    // WHEN
    const result = await simulator.run('Book me a hotel');

    // THEN
    expect(result.completionReason).toBe('INPUT_REQUIRED');
    expect(result.inputRequest).toEqual({ nodeName: 'Concierge', nodeType: 'AgentNode', content: { document: 'Which city?' } });
    expect(result.outputsByNode).toEqual({ Echo: ['Book me a hotel'] });
    expect(result.events.slice(-2)).toEqual([
      { flowMultiTurnInputRequestEvent: { nodeName: 'Concierge', nodeType: 'AgentNode', content: { document: 'Which city?' } } },
      { flowCompletionEvent: { completionReason: 'INPUT_REQUIRED' } },
    ]);
  });

  test('continue with the answer in the same execution and session, and run on to completion', async () => {
    // GIVEN
    const agent = concierge();
    const simulator = new FlowSimulator(conciergeFlow, { handlers: { Agent: agent } });
    const first = await simulator.run('Book me a hotel');

    // WHEN
    const second = await simulator.continue({ executionId: first.executionId, nodeName: 'Concierge', document: 'Paris' });

    // THEN
    expect(second.completionReason).toBe('SUCCESS');
    expect(second.executionId).toBe(first.executionId);
    expect(second.outputs).toEqual([{ nodeName: 'Answer', nodeType: 'FlowOutputNode', content: { document: 'Booked a hotel in Paris' } }]);
    expect(second.inputRequest).toBeUndefined();
    expect(agent.mock.calls.map(([r]) => [r.turn, r.agentInputText])).toEqual([[1, 'Book me a hotel'], [2, 'Paris']]);
    expect(agent.mock.calls[1][0].sessionId).toBe(agent.mock.calls[0][0].sessionId);
  });

  test('can ask several times, and resume inside an Iterator item', async () => {
    // GIVEN: one agent conversation per item, each asking once
    const definition = flow(
      [inputNode('Array'), iteratorNode('EachRequest', 'String'), agentNode('Concierge'), collectorNode('Gather', 'String'), outputNode('All', 'Array')],
      [
        data('FlowInput', 'document', 'EachRequest', 'array'),
        data('EachRequest', 'arrayItem', 'Concierge', 'agentInputText'),
        data('Concierge', 'agentResponse', 'Gather', 'arrayItem'),
        data('EachRequest', 'arraySize', 'Gather', 'arraySize'),
        data('Gather', 'collectedArray', 'All', 'document'),
      ],
    );
    const simulator = new FlowSimulator(definition, { handlers: { Agent: concierge() } });

    // WHEN
    const first = await simulator.run(['hotel', 'car']);
    const second = await simulator.continue({ executionId: first.executionId, nodeName: 'Concierge', document: 'Paris' });
    const third = await simulator.continue({ executionId: first.executionId, nodeName: 'Concierge', nodeInputName: 'agentInputText', document: 'Rome' });

    // THEN
    expect([first.completionReason, second.completionReason, third.completionReason]).toEqual(['INPUT_REQUIRED', 'INPUT_REQUIRED', 'SUCCESS']);
    expect(third.outputsByNode).toEqual({ All: [['Booked a hotel in Paris', 'Booked a hotel in Rome']] });
  });

  test('ask one question per invocation when two agents on parallel branches ask', async () => {
    // GIVEN
    const definition = flow(
      [inputNode('String'), agentNode('Hotel'), agentNode('Car'), outputNode('HotelOut'), outputNode('CarOut')],
      [
        data('FlowInput', 'document', 'Hotel', 'agentInputText'),
        data('FlowInput', 'document', 'Car', 'agentInputText'),
        data('Hotel', 'agentResponse', 'HotelOut', 'document'),
        data('Car', 'agentResponse', 'CarOut', 'document'),
      ],
    );
    const simulator = new FlowSimulator(definition, {
      handlers: { Agent: r => (r.turn === 1 ? requestInput(`${r.nodeName}: where?`) : `${r.nodeName} in ${r.agentInputText}`) },
    });

    // WHEN
    const first = await simulator.run('trip');
    const second = await simulator.continue({ executionId: first.executionId, nodeName: first.inputRequest!.nodeName, document: 'Lyon' });
    const third = await simulator.continue({ executionId: first.executionId, nodeName: second.inputRequest!.nodeName, document: 'Nice' });

    // THEN
    expect([first.inputRequest?.nodeName, second.inputRequest?.nodeName, third.completionReason]).toEqual(['Car', 'Hotel', 'SUCCESS']);
    expect([first.outputsByNode, second.outputsByNode, third.outputsByNode]).toEqual([{}, { CarOut: ['Car in Lyon'] }, { HotelOut: ['Hotel in Nice'] }]);
  });

  test('fails to continue an execution that is not waiting for input', async () => {
    // GIVEN
    const simulator = new FlowSimulator(conciergeFlow, { handlers: { Agent: () => 'done' } });
    const result = await simulator.run('hi');

    // WHEN / THEN
    await expect(simulator.continue({ executionId: result.executionId, nodeName: 'Concierge', document: 'x' }))
      .rejects.toThrow(`execution '${result.executionId}' is not waiting for input (no such execution, or it has finished)`);
  });

  test('fails to continue at another node than the one that asked', async () => {
    // GIVEN
    const simulator = new FlowSimulator(conciergeFlow, { handlers: { Agent: concierge() } });
    const first = await simulator.run('Book me a hotel');

    // WHEN / THEN
    await expect(simulator.continue({ executionId: first.executionId, nodeName: 'Echo', document: 'Paris' }))
      .rejects.toThrow(`execution '${first.executionId}' waits for input at node 'Concierge', not 'Echo'`);
  });

  test('fails to continue with an answer of the wrong type, and keeps waiting', async () => {
    // GIVEN
    const simulator = new FlowSimulator(conciergeFlow, { handlers: { Agent: concierge() } });
    const first = await simulator.run('Book me a hotel');

    // WHEN
    const wrong = simulator.continue({ executionId: first.executionId, nodeName: 'Concierge', document: 42 });

    // THEN
    await expect(wrong).rejects.toThrow("the answer for node 'Concierge' must be a String (the type of its input 'agentInputText'), got a Number (42)");
    const right = await simulator.continue({ executionId: first.executionId, nodeName: 'Concierge', document: 'Oslo' });
    expect(right.outputsByNode.Answer).toEqual(['Booked a hotel in Oslo']);
  });
});
