import { createHash } from 'crypto';
import {
  DetectDocumentTextCommand,
  GetDocumentTextDetectionCommand,
  StartDocumentTextDetectionCommand,
  TextractClient,
  type Block,
  type GetDocumentTextDetectionResponse,
  type S3Object,
} from '@aws-sdk/client-textract';
import {
  asFlowNodeEvent,
  envNumber,
  Logger,
  NodeInputError,
  remainingTimeMs,
  requireObjectInput,
  sleep as defaultSleep,
  type FlowLambdaNodeEvent,
  type LambdaContextLike,
} from './handler-utils';

// LambdaFunction node of the contract-processing flow: extracts the text of a document in S3 with
// Amazon Textract.
//
// Node input:  `document` (Object) = { bucket: string, key: string, versionId?: string }
// Returns:     { text, pageCount, truncated, characters } (the node's `functionResponse`)
// Environment: MAX_TEXT_CHARS (default 100000), TEXTRACT_POLL_TIMEOUT_SECONDS (default 240)

/** The default cap on the returned text, in characters. */
export const DEFAULT_MAX_TEXT_CHARS = 100_000;
/** The default longest wait for an asynchronous Textract job, in seconds. */
export const DEFAULT_POLL_TIMEOUT_SECONDS = 240;
/** The time kept free before the Lambda timeout, so the function can report a clear error. */
const TIMEOUT_SAFETY_MS = 5_000;
const FIRST_POLL_DELAY_MS = 1_000;
const MAX_POLL_DELAY_MS = 5_000;

/** File extensions read with the asynchronous (multi-page) API. */
const ASYNC_EXTENSIONS = ['.pdf', '.tif', '.tiff'];
/** File extensions read with the synchronous (single image) API. */
const SYNC_EXTENSIONS = ['.png', '.jpg', '.jpeg'];

/** The S3 object to read, as the flow passes it in the `document` input. */
export interface DocumentLocation {
  /** The bucket name. */
  readonly bucket: string;
  /** The object key (not URL-encoded). */
  readonly key: string;
  /** The object version, for versioned buckets. */
  readonly versionId?: string;
}

/** What the function returns: the node's `functionResponse`. */
export interface ExtractTextResult {
  /** The text, LINE blocks in reading order, one per line; pages are separated by a blank line. Capped at MAX_TEXT_CHARS. */
  readonly text: string;
  /** The number of pages Textract read. */
  readonly pageCount: number;
  /** Whether `text` was cut at MAX_TEXT_CHARS. */
  readonly truncated: boolean;
  /** The number of characters extracted before any cut (equals `text.length` when not truncated). */
  readonly characters: number;
}

/** What the handler uses, replaceable in tests. */
export interface ExtractTextDependencies {
  /** @default - a TextractClient created on first use */
  readonly textract?: TextractClient;
  /** @default - a setTimeout based wait */
  readonly sleep?: (ms: number) => Promise<void>;
  /** @default Date.now */
  readonly now?: () => number;
}

let defaultClient: TextractClient | undefined;

/** Creates the handler; `handler` below is the one Lambda runs. */
export function createHandler(deps: ExtractTextDependencies = {}) {
  const sleep = deps.sleep ?? defaultSleep;
  const now = deps.now ?? Date.now;

  return async (rawEvent: FlowLambdaNodeEvent, context?: LambdaContextLike): Promise<ExtractTextResult> => {
    const textract = deps.textract ?? (defaultClient ??= new TextractClient({}));
    const event = asFlowNodeEvent(rawEvent);
    const location = readLocation(event);
    const maxChars = Math.floor(envNumber('MAX_TEXT_CHARS', DEFAULT_MAX_TEXT_CHARS));
    const log = new Logger({
      handler: 'extract-text',
      requestId: context?.awsRequestId,
      node: event.node.name,
      bucket: location.bucket,
      key: location.key,
    });

    const s3Object: S3Object = {
      Bucket: location.bucket,
      Name: location.key,
      ...(location.versionId ? { Version: location.versionId } : {}),
    };
    const extension = extensionOf(location.key);

    let blocks: Block[];
    let pageCount: number | undefined;
    if (SYNC_EXTENSIONS.includes(extension)) {
      log.info('detecting text in image', { api: 'DetectDocumentText' });
      const response = await textract.send(new DetectDocumentTextCommand({ Document: { S3Object: s3Object } }));
      blocks = response.Blocks ?? [];
      pageCount = response.DocumentMetadata?.Pages;
    } else if (ASYNC_EXTENSIONS.includes(extension)) {
      const timeoutMs = Math.min(
        envNumber('TEXTRACT_POLL_TIMEOUT_SECONDS', DEFAULT_POLL_TIMEOUT_SECONDS) * 1000,
        remainingTimeMs(context, Number.POSITIVE_INFINITY) - TIMEOUT_SAFETY_MS,
      );
      const start = await textract.send(new StartDocumentTextDetectionCommand({
        DocumentLocation: { S3Object: s3Object },
        // the same object version always maps to the same job, so a retried invocation does not start a second one
        ClientRequestToken: createHash('sha256').update(`${location.bucket}/${location.key}#${location.versionId ?? ''}`).digest('hex').slice(0, 64),
      }));
      if (!start.JobId) {
        throw new Error(`Textract StartDocumentTextDetection returned no JobId for s3://${location.bucket}/${location.key}`);
      }
      log.info('started text detection job', { api: 'StartDocumentTextDetection', jobId: start.JobId, timeoutMs });
      const result = await waitForJob(textract, start.JobId, location, { timeoutMs, sleep, now, log });
      blocks = result.blocks;
      pageCount = result.pageCount;
    } else {
      throw new NodeInputError(
        `cannot extract text from s3://${location.bucket}/${location.key}: unsupported file type '${extension || '(none)'}'. ` +
        `Supported: ${[...ASYNC_EXTENSIONS, ...SYNC_EXTENSIONS].join(', ')}. Filter the documents the pipeline accepts by suffix.`);
    }

    const fullText = assembleText(blocks);
    const text = capText(fullText, maxChars);
    const result: ExtractTextResult = {
      text,
      pageCount: pageCount ?? Math.max(1, blocks.filter(b => b.BlockType === 'PAGE').length),
      truncated: text.length < fullText.length,
      characters: fullText.length,
    };
    log.info('extracted text', { pageCount: result.pageCount, characters: result.characters, truncated: result.truncated });
    return result;
  };
}

/** The Lambda entry point. */
export const handler = createHandler();

interface PollOptions {
  readonly timeoutMs: number;
  readonly sleep: (ms: number) => Promise<void>;
  readonly now: () => number;
  readonly log: Logger;
}

/** Polls GetDocumentTextDetection with backoff until the job ends, then reads every result page. */
async function waitForJob(textract: TextractClient, jobId: string, location: DocumentLocation, options: PollOptions) {
  const deadline = options.now() + options.timeoutMs;
  const where = `Textract job ${jobId} for s3://${location.bucket}/${location.key}`;
  let delay = FIRST_POLL_DELAY_MS;
  let polls = 0;
  for (;;) {
    const first: GetDocumentTextDetectionResponse = await textract.send(new GetDocumentTextDetectionCommand({ JobId: jobId, MaxResults: 1000 }));
    polls++;
    switch (first.JobStatus) {
      case 'SUCCEEDED': {
        const blocks = [...(first.Blocks ?? [])];
        let nextToken = first.NextToken;
        let resultPages = 1;
        while (nextToken) {
          const page = await textract.send(new GetDocumentTextDetectionCommand({ JobId: jobId, MaxResults: 1000, NextToken: nextToken }));
          blocks.push(...(page.Blocks ?? []));
          nextToken = page.NextToken;
          resultPages++;
        }
        options.log.info('text detection job succeeded', { jobId, polls, resultPages, blocks: blocks.length });
        return { blocks, pageCount: first.DocumentMetadata?.Pages };
      }
      case 'FAILED':
        throw new Error(
          `${where} FAILED: ${first.StatusMessage ?? 'no status message'}. ` +
          'Check that the file is a valid, unencrypted PDF or TIFF within Textract\'s limits, and that Textract may read the object ' +
          '(the bucket\'s KMS key, if any, must allow the function\'s role).');
      case 'PARTIAL_SUCCESS': {
        const warnings = (first.Warnings ?? []).map(w => `${w.ErrorCode ?? 'unknown'} on page(s) ${(w.Pages ?? []).join(', ') || '?'}`);
        throw new Error(
          `${where} ended with PARTIAL_SUCCESS: some pages could not be read (${warnings.join('; ') || first.StatusMessage || 'no details'}). ` +
          'The text would be incomplete, so the document is not processed; check the listed pages (scan quality, size, rotation).');
      }
      case 'IN_PROGRESS':
      case undefined: {
        if (options.now() + delay > deadline) {
          throw new Error(
            `${where} was still IN_PROGRESS after ${Math.round(options.timeoutMs / 1000)} s (${polls} polls). ` +
            'Raise TEXTRACT_POLL_TIMEOUT_SECONDS together with the function timeout, or split large documents.');
        }
        await options.sleep(delay);
        delay = Math.min(MAX_POLL_DELAY_MS, Math.round(delay * 1.5));
        break;
      }
      default:
        throw new Error(`${where} returned the unknown status '${first.JobStatus}'`);
    }
  }
}

/** Reads and checks the `document` input. */
function readLocation(event: FlowLambdaNodeEvent): DocumentLocation {
  const document = requireObjectInput<Record<string, unknown>>(event, 'document');
  const { bucket, key, versionId } = document;
  if (typeof bucket !== 'string' || bucket === '' || typeof key !== 'string' || key === '') {
    throw new NodeInputError(
      `input 'document' of node '${event.node.name}' must be { bucket, key, versionId? } with non-empty strings; got ${JSON.stringify(document).slice(0, 200)}`);
  }
  if (versionId !== undefined && versionId !== null && typeof versionId !== 'string') {
    throw new NodeInputError(`input 'document' of node '${event.node.name}': versionId must be a string when present`);
  }
  return { bucket, key, ...(typeof versionId === 'string' && versionId !== '' ? { versionId } : {}) };
}

function extensionOf(key: string): string {
  const name = key.slice(key.lastIndexOf('/') + 1);
  const dot = name.lastIndexOf('.');
  return dot > 0 ? name.slice(dot).toLowerCase() : '';
}

/**
 * Joins the LINE blocks in reading order: for each PAGE block (in page order), its CHILD lines in
 * the order Textract lists them; pages are separated by a blank line. Without PAGE blocks, lines
 * are grouped by their `Page` number in the order they arrived.
 */
export function assembleText(blocks: readonly Block[]): string {
  const byId = new Map<string, Block>();
  for (const block of blocks) {
    if (block.Id) {
      byId.set(block.Id, block);
    }
  }
  const lines = blocks.filter(b => b.BlockType === 'LINE');
  const pages = blocks
    .map((block, index) => ({ block, index }))
    .filter(({ block }) => block.BlockType === 'PAGE')
    .sort((a, b) => (a.block.Page ?? a.index) - (b.block.Page ?? b.index) || a.index - b.index)
    .map(({ block }) => block);

  const pageTexts: string[] = [];
  if (pages.length > 0) {
    pages.forEach((page, position) => {
      const childIds = (page.Relationships ?? []).filter(r => r.Type === 'CHILD').flatMap(r => r.Ids ?? []);
      const pageLines = childIds.length > 0
        ? childIds.map(id => byId.get(id)).filter((b): b is Block => b?.BlockType === 'LINE')
        : lines.filter(l => (l.Page ?? 1) === (page.Page ?? position + 1));
      pageTexts.push(pageLines.map(l => l.Text ?? '').join('\n'));
    });
  } else {
    const groups = new Map<number, string[]>();
    for (const line of lines) {
      const page = line.Page ?? 1;
      groups.set(page, [...(groups.get(page) ?? []), line.Text ?? '']);
    }
    for (const page of [...groups.keys()].sort((a, b) => a - b)) {
      pageTexts.push(groups.get(page)!.join('\n'));
    }
  }
  return pageTexts.filter(text => text.trim() !== '').join('\n\n');
}

/** Cuts `text` to at most `maxChars` UTF-16 code units without splitting a surrogate pair. */
export function capText(text: string, maxChars: number): string {
  if (text.length <= maxChars) {
    return text;
  }
  let end = maxChars;
  const code = text.charCodeAt(end - 1);
  if (code >= 0xd800 && code <= 0xdbff) {
    end--;
  }
  return text.slice(0, end);
}
