import { Stack } from 'aws-cdk-lib';
import * as s3 from 'aws-cdk-lib/aws-s3';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import { ContractProcessingFlow } from '../../src/patterns';
import { FlowSimulator, InlineCodeRequest, LambdaFunctionEvent, PromptRequest } from '../../src/testing';
import { HAS_PYTHON, runInlineCode } from '../util/python';
import { testStack } from '../util/render';

/**
 * The default contract-processing flow run end to end in the simulator: both language branches and
 * both quality outcomes. Models and Lambda functions are stand-ins; the InlineCode nodes run their
 * real Python with python3.
 */
function contractFlow() {
  const stack = testStack();
  const flow = new ContractProcessingFlow(stack, 'Contracts', {
    documentBucket: new s3.Bucket(stack, 'Documents'),
    resultsBucket: new s3.Bucket(stack, 'Results'),
    reviewQueue: new sqs.Queue(stack, 'Review'),
  });
  return { stack, flow };
}

interface Scenario {
  readonly text: string;
  readonly language: string;
  readonly qualityReply: string;
}

function simulate(scenario: Scenario) {
  const { flow } = contractFlow();
  const calls: string[] = [];
  const simulator = new FlowSimulator(flow.definition, {
    handlers: {
      InlineCode: ({ code, inputs }: InlineCodeRequest) => runInlineCode(code, inputs),
    },
    nodeHandlers: {
      ExtractText: (event: LambdaFunctionEvent) => {
        calls.push('ExtractText');
        const document = event.node.inputs.find(i => i.name === 'document')!.value as { key: string };
        return { text: scenario.text, pageCount: 2, truncated: false, characters: scenario.text.length, key: document.key };
      },
      Classify: ({ prompt }: PromptRequest) => {
        calls.push('Classify');
        expect(prompt).toContain(scenario.text);
        return `Here you go: {"contractType": "NDA", "language": "${scenario.language}"}`;
      },
      Translate: (event: LambdaFunctionEvent) => {
        calls.push('Translate');
        const source = event.node.inputs.find(i => i.name === 'sourceLanguage')!.value;
        return `[${source}→en] ${event.node.inputs.find(i => i.name === 'text')!.value}`;
      },
      AnalyzeEnglish: ({ prompt }: PromptRequest) => (calls.push('AnalyzeEnglish'), `Analysis of: ${prompt!.slice(-40)}`),
      AnalyzeTranslated: ({ prompt }: PromptRequest) => (calls.push('AnalyzeTranslated'), `Analysis of: ${prompt!.slice(-40)}`),
      EnglishQualityCheck: () => (calls.push('EnglishQualityCheck'), scenario.qualityReply),
      TranslatedQualityCheck: () => (calls.push('TranslatedQualityCheck'), scenario.qualityReply),
      EnglishSendToReview: (event: LambdaFunctionEvent) => (calls.push('EnglishSendToReview'), review(event)),
      TranslatedSendToReview: (event: LambdaFunctionEvent) => (calls.push('TranslatedSendToReview'), review(event)),
    },
  });
  return { simulator, calls, flow };
}

function review(event: LambdaFunctionEvent) {
  const score = event.node.inputs.find(i => i.name === 'score')!.value;
  return { queued: true, messageId: `msg-${score}` };
}

const document = { bucket: 'contracts-in', key: 'incoming/nda.pdf', versionId: 'v1', resultKey: 'results/incoming/nda.pdf.analysis.md' };

(HAS_PYTHON ? describe : describe.skip)('the contract-processing flow, offline', () => {
  test('an English contract with a good analysis is stored in the results bucket', async () => {
    // GIVEN
    const { simulator, calls, flow } = simulate({ text: 'This Non-Disclosure Agreement ...', language: 'en', qualityReply: 'Score: 9/10' });

    // WHEN
    const result = await simulator.run(document);

    // THEN
    expect(result.completionReason).toBe('SUCCESS');
    expect(Object.keys(result.outputsByNode)).toEqual(['EnglishResult']);
    expect(flow.resultOutputNodeNames).toContain('EnglishResult');
    const [uri] = result.outputsByNode.EnglishResult as string[];
    expect(uri).toMatch(/^s3:\/\/.+\/results\/incoming\/nda\.pdf\.analysis\.md$/);
    const [, bucket] = /^s3:\/\/([^/]+)\//.exec(uri)!;
    expect(simulator.s3.getObject(bucket, 'results/incoming/nda.pdf.analysis.md')).toMatch(/^Analysis of: /);
    expect(calls).not.toContain('Translate');
    expect(calls).not.toContain('EnglishSendToReview');
  });

  test('an English contract with a poor analysis goes to manual review', async () => {
    const { simulator, calls, flow } = simulate({ text: 'This lease ...', language: 'en', qualityReply: 'I would rate it 3 out of 10.' });
    const result = await simulator.run(document);
    expect(Object.keys(result.outputsByNode)).toEqual(['EnglishReview']);
    expect(flow.reviewOutputNodeNames).toContain('EnglishReview');
    expect(result.outputsByNode.EnglishReview).toEqual([{ queued: true, messageId: 'msg-3' }]);
    expect(simulator.s3.listObjects().length).toBe(0);
    expect(calls).toContain('EnglishSendToReview');
  });

  test('a French contract is translated, then analyzed and stored', async () => {
    const { simulator, calls } = simulate({ text: 'Ce contrat de bail ...', language: 'fr', qualityReply: '{"score": 8}' });
    const result = await simulator.run(document);
    expect(Object.keys(result.outputsByNode)).toEqual(['TranslatedResult']);
    expect(calls).toEqual(['ExtractText', 'Classify', 'Translate', 'AnalyzeTranslated', 'TranslatedQualityCheck']);
  });

  test('a French contract with a poor analysis goes to manual review', async () => {
    const { simulator } = simulate({ text: 'Ce contrat de prêt ...', language: 'fr', qualityReply: 'score: 2' });
    const result = await simulator.run(document);
    expect(result.outputsByNode).toEqual({ TranslatedReview: [{ queued: true, messageId: 'msg-2' }] });
  });

  test('the translated branch hands the detected language to the translate function', async () => {
    const { simulator } = simulate({ text: 'Dieser Vertrag ...', language: 'de', qualityReply: '9' });
    const result = await simulator.run(document);
    const analyzed = result.traces.find((t: any) => t.nodeInputTrace?.nodeName === 'AnalyzeTranslated') as any;
    expect(JSON.stringify(analyzed)).toContain('[de→en] Dieser Vertrag');
  });

  test('the flow definition is resolved through its stack', () => {
    const { stack, flow } = contractFlow();
    expect(Stack.of(flow)).toBe(stack);
    expect(new FlowSimulator(flow.definition, { validate: true }).warnings.map(w => w.type)).toEqual(['LimitExceeded']);
  });
});
