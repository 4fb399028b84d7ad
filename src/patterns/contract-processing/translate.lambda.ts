import { TranslateClient, TranslateTextCommand } from '@aws-sdk/client-translate';
import {
  asFlowNodeEvent,
  envString,
  Logger,
  optionalStringInput,
  requireStringInput,
  utf8ByteLength,
  type FlowLambdaNodeEvent,
  type LambdaContextLike,
} from './handler-utils';

// LambdaFunction node of the contract-processing flow: translates a contract's text with Amazon
// Translate.
//
// Node inputs: `text` (String); optional `sourceLanguage` (String, a language code or `auto`, the default)
// Returns:     the translated text, as a plain string (the node's `functionResponse`)
// Environment: TARGET_LANGUAGE (default `en`)
//
// TranslateText accepts at most 10,000 bytes of UTF-8 per request, so longer texts are cut into
// chunks: on paragraph boundaries, then sentence boundaries, then (for a single over-long
// sentence) on whitespace or any character boundary. With `auto`, the language Translate detects
// in the first chunk is used for the others (one detection, consistent results).

/** Translate's limit on the text of one TranslateText request, in UTF-8 bytes. */
export const TRANSLATE_MAX_REQUEST_BYTES = 10_000;
/** The default chunk size: under the limit with room to spare. */
export const DEFAULT_CHUNK_BYTES = 9_000;

/** One piece of the text, sent in one TranslateText request. */
export interface TextChunk {
  /** The text of the chunk. */
  readonly text: string;
  /** What joined this chunk to the previous one in the source (`''` for the first chunk). */
  readonly separator: string;
}

/** What the handler uses, replaceable in tests. */
export interface TranslateDependencies {
  /** @default - a TranslateClient created on first use */
  readonly translate?: TranslateClient;
  /** The largest chunk, in UTF-8 bytes. @default DEFAULT_CHUNK_BYTES */
  readonly maxChunkBytes?: number;
}

let defaultClient: TranslateClient | undefined;

/** Creates the handler; `handler` below is the one Lambda runs. */
export function createHandler(deps: TranslateDependencies = {}) {
  const maxChunkBytes = Math.min(deps.maxChunkBytes ?? DEFAULT_CHUNK_BYTES, TRANSLATE_MAX_REQUEST_BYTES - 1);

  return async (rawEvent: FlowLambdaNodeEvent, context?: LambdaContextLike): Promise<string> => {
    const translate = deps.translate ?? (defaultClient ??= new TranslateClient({}));
    const event = asFlowNodeEvent(rawEvent);
    const text = requireStringInput(event, 'text');
    let source = optionalStringInput(event, 'sourceLanguage')?.trim() || 'auto';
    const target = envString('TARGET_LANGUAGE', 'en');
    const log = new Logger({ handler: 'translate', requestId: context?.awsRequestId, node: event.node.name, target });

    if (text.trim() === '') {
      log.info('nothing to translate', { source });
      return text;
    }
    if (sameLanguage(source, target)) {
      log.info('source language is the target language; returning the text unchanged', { source });
      return text;
    }

    const chunks = chunkText(text, maxChunkBytes);
    log.info('translating', { source, chunks: chunks.length, bytes: utf8ByteLength(text) });
    let translated = '';
    for (const [index, chunk] of chunks.entries()) {
      let piece: string;
      if (sameLanguage(source, target)) {
        piece = chunk.text; // detected in an earlier chunk: the text is already in the target language
      } else {
        const response = await translate.send(new TranslateTextCommand({
          Text: chunk.text,
          SourceLanguageCode: source,
          TargetLanguageCode: target,
        }));
        if (source === 'auto' && response.SourceLanguageCode) {
          source = response.SourceLanguageCode;
          log.info('detected source language', { source, chunk: index });
        }
        piece = response.TranslatedText ?? '';
      }
      translated += chunk.separator + piece;
    }
    log.info('translated', { source, chunks: chunks.length, characters: translated.length });
    return translated;
  };
}

/** The Lambda entry point. */
export const handler = createHandler();

function sameLanguage(a: string, b: string): boolean {
  return a !== 'auto' && a.toLowerCase() === b.toLowerCase();
}

/**
 * Cuts `text` into chunks of at most `maxBytes` UTF-8 bytes each, preferring paragraph boundaries,
 * then sentence boundaries, then whitespace, then any character boundary (never inside a code
 * point). Each chunk keeps the exact whitespace that preceded it in `separator`, so joining
 * `separator + text` of every chunk gives back the text (without trailing whitespace).
 */
export function chunkText(text: string, maxBytes: number = DEFAULT_CHUNK_BYTES): TextChunk[] {
  if (!Number.isInteger(maxBytes) || maxBytes < 4) {
    throw new Error(`chunkText: maxBytes must be a whole number of at least 4 (one UTF-8 code point), got ${maxBytes}`);
  }
  const chunks: TextChunk[] = [];
  packLevel(text, 0, maxBytes, chunks, '');
  return chunks;
}

/** The boundaries tried in turn: paragraphs (blank lines), sentences (and line breaks), words. */
const BOUNDARIES: readonly RegExp[] = [
  /\r?\n[ \t]*\r?\n\s*/g,
  /(?<=[.!?;:])\s+|(?<=[。！？；])\s*|\r?\n\s*/g,
  /\s+/g,
];

interface Part {
  /** The whitespace before the part. */
  readonly separator: string;
  readonly text: string;
}

/** Splits `text` at every match of `boundary`, keeping each match as the separator of the next part. */
function splitKeepingSeparators(text: string, boundary: RegExp, leading: string): Part[] {
  const parts: Part[] = [];
  let separator = leading;
  let last = 0;
  const add = (end: number, next: string) => {
    const piece = text.slice(last, end);
    if (piece === '') {
      separator += next; // nothing between two boundaries: keep the whitespace for the next part
    } else {
      parts.push({ separator, text: piece });
      separator = next;
    }
  };
  for (const match of text.matchAll(boundary)) {
    add(match.index!, match[0]);
    last = match.index! + match[0].length;
  }
  add(text.length, '');
  return parts;
}

/**
 * Packs the parts of `text` at boundary `level` greedily into chunks of at most `maxBytes`; a part
 * that is too long on its own is split at the next level. `leading` is the separator before `text`.
 */
function packLevel(text: string, level: number, maxBytes: number, out: TextChunk[], leading: string): void {
  if (level >= BOUNDARIES.length) {
    hardSplit(text, maxBytes, out, leading);
    return;
  }
  let current: { separator: string; text: string } | undefined;
  const flush = () => {
    if (current) {
      out.push(current);
      current = undefined;
    }
  };
  for (const part of splitKeepingSeparators(text, BOUNDARIES[level], leading)) {
    if (utf8ByteLength(part.text) > maxBytes) {
      flush();
      packLevel(part.text, level + 1, maxBytes, out, part.separator);
    } else if (!current) {
      current = { separator: part.separator, text: part.text };
    } else if (utf8ByteLength(current.text) + utf8ByteLength(part.separator) + utf8ByteLength(part.text) <= maxBytes) {
      current.text += part.separator + part.text;
    } else {
      flush();
      current = { separator: part.separator, text: part.text };
    }
  }
  flush();
}

/** Splits a single over-long word at code point boundaries. */
function hardSplit(text: string, maxBytes: number, out: TextChunk[], leading: string): void {
  let separator = leading;
  let current = '';
  let bytes = 0;
  for (const char of text) {
    const size = utf8ByteLength(char);
    if (bytes + size > maxBytes) {
      out.push({ separator, text: current });
      separator = '';
      current = '';
      bytes = 0;
    }
    current += char;
    bytes += size;
  }
  if (current !== '') {
    out.push({ separator, text: current });
  }
}
