import { FlowDefinition } from '../../src';
import { renderMermaid } from '../../src/definition/mermaid';
import { fixture } from '../validation/util';

describe('renderMermaid', () => {
  test('draws nodes with name, type and a shape per kind, and labels data connections output → input', () => {
    expect(renderMermaid(fixture('example-a-rag'))).toBe([
      'flowchart TD',
      '  n_FlowInput(["FlowInput<br/><i>Input</i>"])',
      '  n_FindChunks[("FindChunks<br/><i>KnowledgeBase</i>")]',
      '  n_Answer("Answer<br/><i>Prompt</i>")',
      '  n_FlowOutput>"FlowOutput<br/><i>Output</i>"]',
      '  n_FlowInput -->|"document → retrievalQuery"| n_FindChunks',
      '  n_FlowInput -->|"document → question"| n_Answer',
      '  n_FindChunks -->|"retrievalResults → context"| n_Answer',
      '  n_Answer -->|"modelCompletion → document"| n_FlowOutput',
    ].join('\n'));
  });

  test('draws Condition nodes as rhombi and conditional connections dashed, labelled with the condition and its expression', () => {
    const diagram = renderMermaid(fixture('example-b-condition-routing'));
    expect(diagram).toContain('  n_Route{"Route<br/><i>Condition</i>"}');
    expect(diagram).toContain('  n_Route -.->|"Billing: category == #quot;billing#quot;"| n_BillingAgent');
    expect(diagram).toContain('  n_Route -.->|"Urgent: priority #gt;= 8"| n_Escalate');
    expect(diagram).toContain('  n_Route -.->|"default"| n_Triage');
    expect(diagram).toContain('  n_BillingAgent[["BillingAgent<br/><i>Agent</i>"]]');
  });

  test('draws Iterator, Collector, InlineCode and Storage nodes', () => {
    const diagram = renderMermaid(fixture('example-c-iterator-collector'));
    expect(diagram).toContain('  n_EachDoc[/"EachDoc<br/><i>Iterator</i>"\\]');
    expect(diagram).toContain('  n_GatherDocs[\\"GatherDocs<br/><i>Collector</i>"/]');
    expect(diagram).toContain('  n_BuildReport[["BuildReport<br/><i>InlineCode</i>"]]');
    expect(diagram).toContain('  n_SaveReport[("SaveReport<br/><i>Storage</i>")]');
  });

  test('draws a loop body as a subgraph, with the continue condition going back to the LoopInput node', () => {
    expect(renderMermaid(fixture('example-e-loop'))).toBe([
      'flowchart TD',
      '  n_FlowInput(["FlowInput<br/><i>Input</i>"])',
      '  subgraph n_RefineLoop ["RefineLoop<br/><i>Loop</i>"]',
      '    direction TB',
      '    n_RefineLoop__LoopStart[/"LoopStart<br/><i>LoopInput</i>"/]',
      '    n_RefineLoop__Improve("Improve<br/><i>Prompt</i>")',
      '    n_RefineLoop__Score[["Score<br/><i>InlineCode</i>"]]',
      '    n_RefineLoop__LoopGate{{"LoopGate<br/><i>LoopController</i>"}}',
      '    n_RefineLoop__LoopStart -->|"loopInput → draft"| n_RefineLoop__Improve',
      '    n_RefineLoop__Improve -->|"modelCompletion → draft"| n_RefineLoop__Score',
      '    n_RefineLoop__Score -->|"response → score"| n_RefineLoop__LoopGate',
      '    n_RefineLoop__Score -->|"response → loopInput"| n_RefineLoop__LoopGate',
      '    n_RefineLoop__Score -->|"response → loopOutput"| n_RefineLoop__LoopGate',
      '    n_RefineLoop__LoopGate -.->|"NeedsWork: score #lt; 8"| n_RefineLoop__LoopStart',
      '  end',
      '  n_FlowOutput>"FlowOutput<br/><i>Output</i>"]',
      '  n_FlowInput -->|"document → loopInput"| n_RefineLoop',
      '  n_RefineLoop -->|"loopOutput → document"| n_FlowOutput',
    ].join('\n'));
  });

  test('makes ids safe and unique, and escapes labels, so an invalid definition still renders', () => {
    const diagram = renderMermaid({
      nodes: [
        { name: 'a-b', type: 'Prompt' },
        { name: 'a_b', type: 'Prompt' },
        { name: 'say "hi" | #1 <x>', type: 'Unknown' },
      ],
      connections: [
        { name: 'c1', type: 'Data', source: 'a-b', target: 'Nowhere' },
        { name: 'c2', type: 'Conditional', source: 'a_b', target: 'a-b' },
      ],
    } as any);
    expect(diagram.split('\n')).toEqual([
      'flowchart TD',
      '  n_a_b("a-b<br/><i>Prompt</i>")',
      '  n_a_b_2("a_b<br/><i>Prompt</i>")',
      '  n_say__hi_____1__x_["say #quot;hi#quot; #124; #35;1 #lt;x#gt;<br/><i>Unknown</i>"]',
      '  n_a_b --> n_Nowhere',
      '  n_a_b_2 -.->|"condition"| n_a_b',
    ]);
  });

  test('renders an empty definition, and left to right on request', () => {
    expect(renderMermaid({})).toBe('flowchart TD');
    expect(renderMermaid({}, { direction: 'LR' })).toBe('flowchart LR');
    expect(() => renderMermaid({}, { direction: 'up' })).toThrow(/direction 'up' is not a Mermaid flowchart direction/);
  });

  test('FlowDefinition.toMermaid() renders the definition', () => {
    expect(FlowDefinition.fromJson(fixture('console-export')).toMermaid()).toContain('n_Review -->|"modelCompletion → agentInputText"| n_Concierge');
  });
});
