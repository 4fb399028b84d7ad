import {
  DetectDocumentTextCommand,
  GetDocumentTextDetectionCommand,
  StartDocumentTextDetectionCommand,
  TextractClient,
  type Block,
} from '@aws-sdk/client-textract';
import { mockClient } from 'aws-sdk-client-mock';
import { assembleText, capText, createHandler } from '../../../../src/patterns/contract-processing/extract-text.lambda';
import type { FlowLambdaNodeEvent } from '../../../../src/patterns/contract-processing/handler-utils';

process.env.AWS_REGION = 'us-east-1';
process.env.AWS_ACCESS_KEY_ID = 'AKIDTEST';
process.env.AWS_SECRET_ACCESS_KEY = 'secret';

const textract = mockClient(TextractClient);

function nodeEvent(document: unknown): FlowLambdaNodeEvent {
  return {
    messageVersion: '1.0',
    flow: { flowArn: 'arn:aws:bedrock:us-east-1:123456789012:flow/FLOW123456', flowAliasArn: 'arn:aws:bedrock:us-east-1:123456789012:flow/FLOW123456/alias/ALIAS12345' },
    node: { name: 'ExtractText', inputs: [{ name: 'document', type: 'Object', expression: '$.data', value: document }] },
  };
}

function page(id: string, pageNumber: number, lineIds: string[]): Block {
  return { BlockType: 'PAGE', Id: id, Page: pageNumber, Relationships: [{ Type: 'CHILD', Ids: lineIds }] };
}

function line(id: string, text: string, pageNumber = 1): Block {
  return { BlockType: 'LINE', Id: id, Text: text, Page: pageNumber };
}

function word(id: string, text: string, pageNumber = 1): Block {
  return { BlockType: 'WORD', Id: id, Text: text, Page: pageNumber };
}

/** A fake clock: `sleep` advances it instead of waiting. */
function fakeTime() {
  let clock = 1_000_000;
  const sleep = jest.fn(async (ms: number) => {
    clock += ms;
  });
  return { now: () => clock, sleep };
}

beforeEach(() => {
  // the handlers log JSON lines to stdout; keep the test output readable
  jest.spyOn(process.stdout, 'write').mockImplementation(() => true);
  textract.reset();
  delete process.env.MAX_TEXT_CHARS;
  delete process.env.TEXTRACT_POLL_TIMEOUT_SECONDS;
});

afterEach(() => {
  jest.restoreAllMocks();
});

describe('PDF and TIFF documents (asynchronous text detection)', () => {
  test('polls until the job succeeds, follows NextToken and joins the lines of every page in reading order', async () => {
    // GIVEN
    textract.on(StartDocumentTextDetectionCommand).resolves({ JobId: 'job-1' });
    textract.on(GetDocumentTextDetectionCommand)
      .resolvesOnce({ JobStatus: 'IN_PROGRESS' })
      .resolvesOnce({
        JobStatus: 'SUCCEEDED',
        DocumentMetadata: { Pages: 2 },
        NextToken: 'token-2',
        // the page lists its lines in reading order, which differs from the order of the blocks
        Blocks: [page('p1', 1, ['l2', 'l1']), line('l1', 'second line'), line('l2', 'Contract of sale'), word('w1', 'Contract')],
      })
      .resolvesOnce({
        JobStatus: 'SUCCEEDED',
        Blocks: [page('p2', 2, ['l3', 'l4']), line('l3', 'Signed by', 2)],
        NextToken: 'token-3',
      })
      .resolvesOnce({ JobStatus: 'SUCCEEDED', Blocks: [line('l4', 'both parties', 2)] });
    const time = fakeTime();
    const handler = createHandler({ textract: new TextractClient({}), ...time });

    // WHEN
    const result = await handler(nodeEvent({ bucket: 'contracts', key: 'in/a.PDF', versionId: 'v1' }));

    // THEN
    expect(result).toEqual({
      text: 'Contract of sale\nsecond line\n\nSigned by\nboth parties',
      pageCount: 2,
      truncated: false,
      characters: 'Contract of sale\nsecond line\n\nSigned by\nboth parties'.length,
    });
    const start = textract.commandCalls(StartDocumentTextDetectionCommand);
    expect(start).toHaveLength(1);
    expect(start[0].args[0].input.DocumentLocation).toEqual({ S3Object: { Bucket: 'contracts', Name: 'in/a.PDF', Version: 'v1' } });
    expect(start[0].args[0].input.ClientRequestToken).toMatch(/^[0-9a-f]{64}$/);
    const gets = textract.commandCalls(GetDocumentTextDetectionCommand).map(call => call.args[0].input);
    expect(gets.map(input => input.NextToken)).toEqual([undefined, undefined, 'token-2', 'token-3']);
    expect(gets.every(input => input.JobId === 'job-1')).toBe(true);
    expect(time.sleep).toHaveBeenCalledTimes(1);
    expect(textract.commandCalls(DetectDocumentTextCommand)).toHaveLength(0);
  });

  test('starts the same job for the same object version (idempotent client request token)', async () => {
    // GIVEN
    textract.on(StartDocumentTextDetectionCommand).resolves({ JobId: 'job-1' });
    textract.on(GetDocumentTextDetectionCommand).resolves({ JobStatus: 'SUCCEEDED', Blocks: [] });
    const handler = createHandler({ textract: new TextractClient({}), ...fakeTime() });

    // WHEN
    await handler(nodeEvent({ bucket: 'b', key: 'a.tif', versionId: 'v1' }));
    await handler(nodeEvent({ bucket: 'b', key: 'a.tif', versionId: 'v1' }));
    await handler(nodeEvent({ bucket: 'b', key: 'a.tif', versionId: 'v2' }));

    // THEN
    const tokens = textract.commandCalls(StartDocumentTextDetectionCommand).map(call => call.args[0].input.ClientRequestToken);
    expect(tokens[0]).toBe(tokens[1]);
    expect(tokens[2]).not.toBe(tokens[0]);
  });

  test('fails with the status message when the job FAILED', async () => {
    // GIVEN
    textract.on(StartDocumentTextDetectionCommand).resolves({ JobId: 'job-9' });
    textract.on(GetDocumentTextDetectionCommand).resolves({ JobStatus: 'FAILED', StatusMessage: 'UNSUPPORTED_DOCUMENT' });
    const handler = createHandler({ textract: new TextractClient({}), ...fakeTime() });

    // WHEN / THEN
    await expect(handler(nodeEvent({ bucket: 'b', key: 'scan.pdf' })))
      .rejects.toThrow(/Textract job job-9 for s3:\/\/b\/scan.pdf FAILED: UNSUPPORTED_DOCUMENT/);
  });

  test('fails on PARTIAL_SUCCESS, naming the pages that could not be read', async () => {
    // GIVEN
    textract.on(StartDocumentTextDetectionCommand).resolves({ JobId: 'job-3' });
    textract.on(GetDocumentTextDetectionCommand).resolves({
      JobStatus: 'PARTIAL_SUCCESS',
      Warnings: [{ ErrorCode: 'PAGE_TOO_LARGE', Pages: [3, 7] }],
      Blocks: [page('p1', 1, ['l1']), line('l1', 'text')],
    });
    const handler = createHandler({ textract: new TextractClient({}), ...fakeTime() });

    // WHEN / THEN
    await expect(handler(nodeEvent({ bucket: 'b', key: 'big.pdf' })))
      .rejects.toThrow(/PARTIAL_SUCCESS: some pages could not be read \(PAGE_TOO_LARGE on page\(s\) 3, 7\)/);
  });

  test('stops polling with a clear error at TEXTRACT_POLL_TIMEOUT_SECONDS, with growing waits', async () => {
    // GIVEN
    process.env.TEXTRACT_POLL_TIMEOUT_SECONDS = '20';
    textract.on(StartDocumentTextDetectionCommand).resolves({ JobId: 'job-slow' });
    textract.on(GetDocumentTextDetectionCommand).resolves({ JobStatus: 'IN_PROGRESS' });
    const time = fakeTime();
    const handler = createHandler({ textract: new TextractClient({}), ...time });
    const started = time.now();

    // WHEN / THEN
    await expect(handler(nodeEvent({ bucket: 'b', key: 'slow.pdf' })))
      .rejects.toThrow(/still IN_PROGRESS after 20 s .*Raise TEXTRACT_POLL_TIMEOUT_SECONDS/);
    const waits = time.sleep.mock.calls.map(call => call[0]);
    expect(time.now() - started).toBeLessThanOrEqual(20_000);
    expect(waits[0]).toBe(1000);
    expect(waits[1]).toBeGreaterThan(waits[0]);
    expect(Math.max(...waits)).toBeLessThanOrEqual(5000);
  });

  test('ends before the Lambda timeout when that comes first', async () => {
    // GIVEN: 240 s by default, but only 8 s left in the invocation (5 s are kept free)
    textract.on(StartDocumentTextDetectionCommand).resolves({ JobId: 'job-slow' });
    textract.on(GetDocumentTextDetectionCommand).resolves({ JobStatus: 'IN_PROGRESS' });
    const time = fakeTime();
    const handler = createHandler({ textract: new TextractClient({}), ...time });
    const started = time.now();

    // WHEN / THEN
    await expect(handler(nodeEvent({ bucket: 'b', key: 'slow.pdf' }), { getRemainingTimeInMillis: () => 8_000 }))
      .rejects.toThrow(/still IN_PROGRESS after 3 s/);
    expect(time.now() - started).toBeLessThanOrEqual(3_000);
  });
});

describe('images (synchronous text detection)', () => {
  test('reads PNG and JPEG files with DetectDocumentText', async () => {
    // GIVEN
    textract.on(DetectDocumentTextCommand).resolves({
      DocumentMetadata: { Pages: 1 },
      Blocks: [page('p1', 1, ['l1', 'l2']), line('l1', 'Invoice'), line('l2', 'Total 10')],
    });
    const handler = createHandler({ textract: new TextractClient({}), ...fakeTime() });

    // WHEN
    const result = await handler(nodeEvent({ bucket: 'b', key: 'photo.JPG' }));

    // THEN
    expect(result).toEqual({ text: 'Invoice\nTotal 10', pageCount: 1, truncated: false, characters: 'Invoice\nTotal 10'.length });
    expect(textract.commandCalls(DetectDocumentTextCommand)[0].args[0].input).toEqual({ Document: { S3Object: { Bucket: 'b', Name: 'photo.JPG' } } });
    expect(textract.commandCalls(StartDocumentTextDetectionCommand)).toHaveLength(0);
  });
});

describe('limits and input checks', () => {
  test('caps the text at MAX_TEXT_CHARS and reports the full length', async () => {
    // GIVEN
    process.env.MAX_TEXT_CHARS = '10';
    textract.on(DetectDocumentTextCommand).resolves({ Blocks: [line('l1', 'abcdefghijklmnopqrstuvwxyz')] });
    const handler = createHandler({ textract: new TextractClient({}), ...fakeTime() });

    // WHEN
    const result = await handler(nodeEvent({ bucket: 'b', key: 'a.png' }));

    // THEN
    expect(result).toEqual({ text: 'abcdefghij', pageCount: 1, truncated: true, characters: 26 });
  });

  test('rejects unsupported file types', async () => {
    const handler = createHandler({ textract: new TextractClient({}), ...fakeTime() });
    await expect(handler(nodeEvent({ bucket: 'b', key: 'contract.docx' }))).rejects.toThrow(/unsupported file type '.docx'. Supported: .pdf, .tif, .tiff, .png, .jpg, .jpeg/);
    expect(textract.calls()).toHaveLength(0);
  });

  test('names the missing input and the inputs the node has', async () => {
    const handler = createHandler({ textract: new TextractClient({}), ...fakeTime() });
    const event = nodeEvent({});
    const wrongName = { ...event, node: { name: 'ExtractText', inputs: [{ name: 'doc', type: 'Object', expression: '$.data', value: {} }] } };
    await expect(handler(wrongName)).rejects.toThrow(/node 'ExtractText' has no input 'document' \(Object\); it has 'doc' \(Object\)/);
  });

  test('rejects a document without bucket or key', async () => {
    const handler = createHandler({ textract: new TextractClient({}), ...fakeTime() });
    await expect(handler(nodeEvent({ bucket: 'b' }))).rejects.toThrow(/must be \{ bucket, key, versionId\? \}/);
    await expect(handler(nodeEvent('not json'))).rejects.toThrow(/must be an object/);
  });

  test('accepts the document as a JSON string', async () => {
    textract.on(DetectDocumentTextCommand).resolves({ Blocks: [line('l1', 'x')] });
    const handler = createHandler({ textract: new TextractClient({}), ...fakeTime() });
    const result = await handler(nodeEvent(JSON.stringify({ bucket: 'b', key: 'a.png' })));
    expect(result.text).toBe('x');
  });
});

describe('assembleText', () => {
  test('orders pages by page number and skips empty pages', () => {
    const text = assembleText([
      page('p2', 2, ['b']), line('b', 'page two', 2),
      page('p1', 1, ['a']), line('a', 'page one', 1),
      page('p3', 3, []),
    ]);
    expect(text).toBe('page one\n\npage two');
  });

  test('groups lines by page when there are no PAGE blocks', () => {
    expect(assembleText([line('a', 'one', 1), line('b', 'two', 2), line('c', 'one more', 1)])).toBe('one\none more\n\ntwo');
  });
});

describe('capText', () => {
  test('never splits a surrogate pair', () => {
    expect(capText('ab😀cd', 3)).toBe('ab');
    expect(capText('ab😀cd', 4)).toBe('ab😀');
    expect(capText('short', 10)).toBe('short');
  });
});
