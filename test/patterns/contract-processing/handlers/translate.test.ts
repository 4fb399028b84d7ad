import { TranslateClient, TranslateTextCommand, type TranslateTextCommandInput } from '@aws-sdk/client-translate';
import { mockClient } from 'aws-sdk-client-mock';
import type { FlowLambdaNodeEvent } from '../../../../src/patterns/contract-processing/handler-utils';
import { chunkText, createHandler, TRANSLATE_MAX_REQUEST_BYTES } from '../../../../src/patterns/contract-processing/translate.lambda';

process.env.AWS_REGION = 'us-east-1';
process.env.AWS_ACCESS_KEY_ID = 'AKIDTEST';
process.env.AWS_SECRET_ACCESS_KEY = 'secret';

const translate = mockClient(TranslateClient);

function nodeEvent(text: unknown, sourceLanguage?: string): FlowLambdaNodeEvent {
  const inputs = [{ name: 'text', type: 'String', expression: '$.data', value: text }];
  if (sourceLanguage !== undefined) {
    inputs.push({ name: 'sourceLanguage', type: 'String', expression: '$.data', value: sourceLanguage });
  }
  return {
    messageVersion: '1.0',
    flow: { flowArn: 'arn:flow', flowAliasArn: 'arn:alias' },
    node: { name: 'Translate', inputs },
  };
}

const bytes = (text: string) => Buffer.byteLength(text, 'utf8');

/** A fake translation that upper-cases the text and reports `detected` as the source language. */
function fakeTranslation(detected = 'de') {
  translate.on(TranslateTextCommand).callsFake((input: TranslateTextCommandInput) => ({
    TranslatedText: input.Text!.toUpperCase(),
    SourceLanguageCode: input.SourceLanguageCode === 'auto' ? detected : input.SourceLanguageCode,
    TargetLanguageCode: input.TargetLanguageCode,
  }));
}

function sentRequests(): TranslateTextCommandInput[] {
  return translate.commandCalls(TranslateTextCommand).map(call => call.args[0].input);
}

beforeEach(() => {
  // the handlers log JSON lines to stdout; keep the test output readable
  jest.spyOn(process.stdout, 'write').mockImplementation(() => true);
  translate.reset();
  delete process.env.TARGET_LANGUAGE;
});

afterEach(() => {
  jest.restoreAllMocks();
});

describe('handler', () => {
  test('translates a short text in one request, detecting the source language', async () => {
    // GIVEN
    fakeTranslation();
    const handler = createHandler({ translate: new TranslateClient({}) });

    // WHEN
    const result = await handler(nodeEvent('Der Käufer zahlt.'));

    // THEN
    expect(result).toBe('DER KÄUFER ZAHLT.');
    expect(sentRequests()).toEqual([{ Text: 'Der Käufer zahlt.', SourceLanguageCode: 'auto', TargetLanguageCode: 'en' }]);
  });

  test('translates a long text in chunks under the 10,000-byte limit and puts the paragraphs back together', async () => {
    // GIVEN: 12 paragraphs of ~2,100 bytes (multi-byte characters), ~25 KB in all
    fakeTranslation();
    const paragraph = (i: number) => `Absatz ${i}: ` + 'Größe und Gewährleistung. '.repeat(75).trim();
    const text = Array.from({ length: 12 }, (_, i) => paragraph(i)).join('\n\n');
    expect(bytes(text)).toBeGreaterThan(2 * TRANSLATE_MAX_REQUEST_BYTES);
    const handler = createHandler({ translate: new TranslateClient({}) });

    // WHEN
    const result = await handler(nodeEvent(text));

    // THEN
    const requests = sentRequests();
    expect(requests.length).toBeGreaterThanOrEqual(3);
    for (const request of requests) {
      expect(bytes(request.Text!)).toBeLessThanOrEqual(9_000);
      // every chunk is made of whole paragraphs
      expect(request.Text!.split('\n\n').every(p => /^Absatz \d+: /.test(p) && p.endsWith('.'))).toBe(true);
    }
    expect(result).toBe(text.toUpperCase());
    // the first chunk detects the language; the others reuse it
    expect(requests[0].SourceLanguageCode).toBe('auto');
    expect(requests.slice(1).every(r => r.SourceLanguageCode === 'de')).toBe(true);
  });

  test('uses the given source language and TARGET_LANGUAGE', async () => {
    // GIVEN
    process.env.TARGET_LANGUAGE = 'fr';
    fakeTranslation();
    const handler = createHandler({ translate: new TranslateClient({}) });

    // WHEN
    await handler(nodeEvent('Hallo', 'de'));

    // THEN
    expect(sentRequests()).toEqual([{ Text: 'Hallo', SourceLanguageCode: 'de', TargetLanguageCode: 'fr' }]);
  });

  test('returns the text unchanged when it is already in the target language, or empty', async () => {
    fakeTranslation();
    const handler = createHandler({ translate: new TranslateClient({}) });
    expect(await handler(nodeEvent('Hello', 'EN'))).toBe('Hello');
    expect(await handler(nodeEvent('   '))).toBe('   ');
    expect(sentRequests()).toHaveLength(0);
  });

  test('stops translating once the detected language is the target language', async () => {
    // GIVEN
    fakeTranslation('en');
    const text = 'First paragraph.\n\nSecond paragraph.';
    const handler = createHandler({ translate: new TranslateClient({}), maxChunkBytes: 20 });

    // WHEN
    const result = await handler(nodeEvent(text));

    // THEN
    expect(sentRequests()).toHaveLength(1);
    expect(result).toBe('FIRST PARAGRAPH.\n\nSecond paragraph.');
  });

  test('fails clearly when the text input is not a string', async () => {
    const handler = createHandler({ translate: new TranslateClient({}) });
    await expect(handler(nodeEvent(42))).rejects.toThrow(/input 'text' of node 'Translate' must be a string, but its value .* is number/);
  });
});

describe('chunkText', () => {
  const join = (chunks: { separator: string; text: string }[]) => chunks.map(c => c.separator + c.text).join('');

  test('keeps a text under the limit in one chunk', () => {
    expect(chunkText('one\n\ntwo', 100)).toEqual([{ separator: '', text: 'one\n\ntwo' }]);
  });

  test('prefers paragraph boundaries', () => {
    const chunks = chunkText('aaaa aaaa.\n\nbbbb bbbb.\n\ncccc cccc.', 22);
    expect(chunks).toEqual([
      { separator: '', text: 'aaaa aaaa.\n\nbbbb bbbb.' },
      { separator: '\n\n', text: 'cccc cccc.' },
    ]);
  });

  test('splits an over-long paragraph on sentences, then words', () => {
    const text = 'First sentence here. Second one! A verylongwordthatdoesnotfit end';
    const chunks = chunkText(text, 21);
    expect(chunks.map(c => c.text)).toEqual(['First sentence here.', 'Second one!', 'A', 'verylongwordthatdoesn', 'otfit', 'end']);
    expect(join(chunks)).toBe(text);
  });

  test('counts UTF-8 bytes and never cuts inside a code point', () => {
    // '€' is 3 bytes and '😀' is 4 bytes in UTF-8
    const text = '€'.repeat(10) + '😀'.repeat(5);
    const chunks = chunkText(text, 10);
    for (const chunk of chunks) {
      expect(bytes(chunk.text)).toBeLessThanOrEqual(10);
      expect(chunk.text).not.toMatch(/[\ud800-\udbff]$/);
      expect(chunk.text).not.toContain('\ufffd');
    }
    expect(join(chunks)).toBe(text);
    expect(chunks.map(c => c.text)).toEqual(['€€€', '€€€', '€€€', '€😀', '😀😀', '😀😀']);
  });

  test('gives back the text when the chunks are joined', () => {
    const text = 'Intro line\nsecond line.\n\n\n  Indented paragraph with a few words. And more words here!\r\n\r\nLast.';
    for (const max of [8, 13, 30, 1000]) {
      const chunks = chunkText(text, max);
      expect(join(chunks)).toBe(text);
      expect(chunks.every(c => bytes(c.text) <= max)).toBe(true);
    }
  });

  test('splits CJK sentences without spaces', () => {
    const text = '本契約は有効です。当事者は合意した。';
    const chunks = chunkText(text, 30);
    expect(chunks.map(c => c.text)).toEqual(['本契約は有効です。', '当事者は合意した。']);
  });

  test('rejects a limit smaller than one code point', () => {
    expect(() => chunkText('abc', 3)).toThrow(/at least 4/);
  });
});
