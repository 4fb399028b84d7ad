/*
 * Input expressions: the subset of JsonPath that Bedrock Flows applies to the value arriving at a
 * node input. Every expression starts with `$.data`, followed by segments:
 * `.name`, `.*`, `[i]`, `[i, j, ...]`, `[i:j]` (either bound optional) and `[*]`.
 * @see https://docs.aws.amazon.com/bedrock/latest/userguide/flows-expressions.html
 */

/** The longest input expression the service accepts. */
export const MAX_INPUT_EXPRESSION_LENGTH = 64;

/** One step of a parsed input expression. */
export type InputExpressionSegment =
  | { readonly kind: 'field'; readonly name: string }
  | { readonly kind: 'wildcard' }
  | { readonly kind: 'index'; readonly indices: number[] }
  | { readonly kind: 'slice'; readonly start?: number; readonly end?: number };

/** A parsed input expression. */
export interface ParsedInputExpression {
  readonly segments: InputExpressionSegment[];
  /** Whether the expression is exactly `$.data` (the whole value). */
  readonly isWholeValue: boolean;
  /** Whether evaluating the expression yields an array of matches (wildcards, index lists, slices). */
  readonly selectsMany: boolean;
}

/** The result of parsing: the expression, or why it is malformed. */
export type InputExpressionParseResult =
  | { readonly ok: true; readonly expression: ParsedInputExpression }
  | { readonly ok: false; readonly cause: string };

const FIELD = /^[A-Za-z0-9_-]+/;
const UINT = /^\d+$/;

/** Parses an input expression of the JsonPath subset. */
export function parseInputExpression(text: string): InputExpressionParseResult {
  if (text.length === 0) return { ok: false, cause: 'the expression is empty' };
  if (text.length > MAX_INPUT_EXPRESSION_LENGTH) {
    return { ok: false, cause: `it is ${text.length} characters long; the service allows at most ${MAX_INPUT_EXPRESSION_LENGTH}` };
  }
  if (!text.startsWith('$.data')) return { ok: false, cause: "it must start with '$.data'" };
  let rest = text.slice('$.data'.length);
  if (/^[A-Za-z0-9_-]/.test(rest)) return { ok: false, cause: "it must start with '$.data'" };
  const segments: InputExpressionSegment[] = [];
  let selectsMany = false;
  while (rest.length > 0) {
    const at = text.length - rest.length;
    if (rest.startsWith('.*')) {
      segments.push({ kind: 'wildcard' });
      selectsMany = true;
      rest = rest.slice(2);
    } else if (rest.startsWith('.')) {
      const m = FIELD.exec(rest.slice(1));
      if (!m) return { ok: false, cause: `expected a field name after '.' at position ${at + 1}` };
      segments.push({ kind: 'field', name: m[0] });
      rest = rest.slice(1 + m[0].length);
    } else if (rest.startsWith('[')) {
      const close = rest.indexOf(']');
      if (close < 0) return { ok: false, cause: `'[' at position ${at} is not closed` };
      const body = rest.slice(1, close).trim();
      rest = rest.slice(close + 1);
      if (body === '*') {
        segments.push({ kind: 'wildcard' });
        selectsMany = true;
      } else if (body.includes(':')) {
        const parts = body.split(':').map(p => p.trim());
        if (parts.length !== 2 || !parts.every(p => p === '' || UINT.test(p))) {
          return { ok: false, cause: `'[${body}]' is not a slice of the form [start:end]` };
        }
        segments.push({
          kind: 'slice',
          start: parts[0] === '' ? undefined : Number(parts[0]),
          end: parts[1] === '' ? undefined : Number(parts[1]),
        });
        selectsMany = true;
      } else {
        const parts = body.split(',').map(p => p.trim());
        if (!parts.every(p => UINT.test(p))) {
          return { ok: false, cause: `'[${body}]' is not an index, a list of indices, a slice or '*'` };
        }
        segments.push({ kind: 'index', indices: parts.map(Number) });
        if (parts.length > 1) selectsMany = true;
      }
    } else {
      return { ok: false, cause: `unexpected '${rest[0]}' at position ${at}` };
    }
  }
  return { ok: true, expression: { segments, isWholeValue: segments.length === 0, selectsMany } };
}

/**
 * Applies a parsed expression to a value, as the service does at run time. Returns `undefined`
 * when a single-value path selects nothing.
 */
export function evaluateInputExpression(expression: ParsedInputExpression, data: unknown): unknown {
  let values: unknown[] = [data];
  for (const segment of expression.segments) {
    const next: unknown[] = [];
    for (const value of values) {
      switch (segment.kind) {
        case 'field':
          if (isRecord(value) && segment.name in value) next.push(value[segment.name]);
          break;
        case 'wildcard':
          if (Array.isArray(value)) next.push(...value);
          else if (isRecord(value)) next.push(...Object.values(value));
          break;
        case 'index':
          if (Array.isArray(value)) {
            for (const i of segment.indices) if (i < value.length) next.push(value[i]);
          }
          break;
        case 'slice':
          if (Array.isArray(value)) next.push(...value.slice(segment.start ?? 0, segment.end ?? value.length));
          break;
      }
    }
    values = next;
  }
  return expression.selectsMany ? values : values[0];
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}
