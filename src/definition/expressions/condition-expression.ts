/*
 * Condition expressions of Condition nodes and of a LoopController's continue condition:
 * operands are input names or literals (double- or single-quoted strings, numbers, true/false),
 * relational operators `== != > >= < <=`, logical `and`, `or`, `not`, and parentheses.
 * @see https://docs.aws.amazon.com/bedrock/latest/userguide/flows-nodes.html (Condition node)
 */

/** The longest condition expression the service accepts. */
export const MAX_CONDITION_EXPRESSION_LENGTH = 64;

/** A relational operator. */
export type RelationalOperator = '==' | '!=' | '>' | '>=' | '<' | '<=';

/** A node of a parsed condition expression. */
export type ConditionAst =
  | { readonly kind: 'or' | 'and'; readonly left: ConditionAst; readonly right: ConditionAst }
  | { readonly kind: 'not'; readonly operand: ConditionAst }
  | { readonly kind: 'compare'; readonly operator: RelationalOperator; readonly left: ConditionAst; readonly right: ConditionAst }
  | { readonly kind: 'ref'; readonly name: string }
  | { readonly kind: 'literal'; readonly value: string | number | boolean };

/** The result of parsing: the syntax tree and the input names it refers to, or why it is malformed. */
export type ConditionParseResult =
  | { readonly ok: true; readonly ast: ConditionAst; readonly references: string[] }
  | { readonly ok: false; readonly cause: string };

type Tok =
  | { t: 'op'; v: RelationalOperator; at: number }
  | { t: 'kw'; v: 'and' | 'or' | 'not'; at: number }
  | { t: 'lp' | 'rp'; at: number }
  | { t: 'id'; v: string; at: number }
  | { t: 'lit'; v: string | number | boolean; at: number };

function tokenize(text: string): Tok[] | string {
  const toks: Tok[] = [];
  let i = 0;
  while (i < text.length) {
    const c = text[i];
    if (/\s/.test(c)) { i++; continue; }
    if (c === '(') { toks.push({ t: 'lp', at: i++ }); continue; }
    if (c === ')') { toks.push({ t: 'rp', at: i++ }); continue; }
    const two = text.slice(i, i + 2);
    if (two === '==' || two === '!=' || two === '>=' || two === '<=') {
      toks.push({ t: 'op', v: two, at: i }); i += 2; continue;
    }
    if (c === '>' || c === '<') { toks.push({ t: 'op', v: c, at: i++ }); continue; }
    if (c === '"' || c === "'") {
      const end = text.indexOf(c, i + 1);
      if (end < 0) return `the string starting at position ${i} is not closed`;
      toks.push({ t: 'lit', v: text.slice(i + 1, end), at: i });
      i = end + 1;
      continue;
    }
    const num = /^-?\d+(\.\d+)?/.exec(text.slice(i));
    if (num) { toks.push({ t: 'lit', v: Number(num[0]), at: i }); i += num[0].length; continue; }
    const word = /^[A-Za-z_][A-Za-z0-9_]*/.exec(text.slice(i));
    if (word) {
      const w = word[0];
      if (w === 'and' || w === 'or' || w === 'not') toks.push({ t: 'kw', v: w, at: i });
      else if (w === 'true' || w === 'false') toks.push({ t: 'lit', v: w === 'true', at: i });
      else toks.push({ t: 'id', v: w, at: i });
      i += w.length;
      continue;
    }
    if (c === '=') return `'=' at position ${i} is not an operator; use '==' to compare`;
    return `unexpected '${c}' at position ${i}`;
  }
  return toks;
}

/** Parses a condition expression. */
export function parseConditionExpression(text: string): ConditionParseResult {
  if (text.trim().length === 0) return { ok: false, cause: 'the expression is empty' };
  if (text.length > MAX_CONDITION_EXPRESSION_LENGTH) {
    return { ok: false, cause: `it is ${text.length} characters long; the service allows at most ${MAX_CONDITION_EXPRESSION_LENGTH}` };
  }
  const toks = tokenize(text);
  if (typeof toks === 'string') return { ok: false, cause: toks };
  let pos = 0;
  const references = new Set<string>();
  const peek = () => toks[pos];
  const describe = (tok: Tok | undefined) => tok === undefined ? 'the end of the expression'
    : `'${'v' in tok ? String(tok.v) : tok.t === 'lp' ? '(' : ')'}' at position ${tok.at}`;

  const parseOr = (): ConditionAst => {
    let left = parseAnd();
    while (peek()?.t === 'kw' && (peek() as any).v === 'or') { pos++; left = { kind: 'or', left, right: parseAnd() }; }
    return left;
  };
  const parseAnd = (): ConditionAst => {
    let left = parseNot();
    while (peek()?.t === 'kw' && (peek() as any).v === 'and') { pos++; left = { kind: 'and', left, right: parseNot() }; }
    return left;
  };
  const parseNot = (): ConditionAst => {
    const tok = peek();
    if (tok?.t === 'kw' && tok.v === 'not') { pos++; return { kind: 'not', operand: parseNot() }; }
    return parseComparison();
  };
  const parseComparison = (): ConditionAst => {
    const left = parsePrimary();
    const tok = peek();
    if (tok?.t === 'op') {
      pos++;
      const right = parsePrimary();
      if (left.kind !== 'ref' && left.kind !== 'literal' || right.kind !== 'ref' && right.kind !== 'literal') {
        throw new Error(`the operands of '${tok.v}' must be input names or literals; group sub-expressions with 'and'/'or'`);
      }
      return { kind: 'compare', operator: tok.v, left, right };
    }
    return left;
  };
  const parsePrimary = (): ConditionAst => {
    const tok = peek();
    if (tok === undefined) throw new Error('the expression ends where an operand was expected');
    if (tok.t === 'lp') {
      pos++;
      const inner = parseOr();
      if (peek()?.t !== 'rp') throw new Error(`expected ')' but found ${describe(peek())}`);
      pos++;
      return inner;
    }
    if (tok.t === 'id') { pos++; references.add(tok.v); return { kind: 'ref', name: tok.v }; }
    if (tok.t === 'lit') { pos++; return { kind: 'literal', value: tok.v }; }
    throw new Error(`expected an input name, a literal or '(' but found ${describe(tok)}`);
  };

  try {
    const ast = parseOr();
    if (pos < toks.length) return { ok: false, cause: `unexpected ${describe(toks[pos])}` };
    if (references.size === 0) return { ok: false, cause: 'it does not refer to any input of the node' };
    return { ok: true, ast, references: [...references] };
  } catch (e) {
    return { ok: false, cause: (e as Error).message };
  }
}

/**
 * Evaluates a parsed condition against the node's input values. Relational operators other than
 * `==`/`!=` need numbers; `==` is true only when type and value are equal.
 * @throws when an operand refers to a missing input or an operator gets the wrong types
 */
export function evaluateConditionExpression(ast: ConditionAst, inputs: Record<string, unknown>): boolean {
  const value = (node: ConditionAst): unknown => {
    switch (node.kind) {
      case 'ref':
        if (!(node.name in inputs)) throw new Error(`the expression refers to '${node.name}', which is not an input of the node`);
        return inputs[node.name];
      case 'literal': return node.value;
      default: return evaluateConditionExpression(node, inputs);
    }
  };
  switch (ast.kind) {
    case 'or': return evaluateConditionExpression(ast.left, inputs) || evaluateConditionExpression(ast.right, inputs);
    case 'and': return evaluateConditionExpression(ast.left, inputs) && evaluateConditionExpression(ast.right, inputs);
    case 'not': return !evaluateConditionExpression(ast.operand, inputs);
    case 'compare': {
      const l = value(ast.left);
      const r = value(ast.right);
      if (ast.operator === '==') return typeof l === typeof r && JSON.stringify(l) === JSON.stringify(r);
      if (ast.operator === '!=') return !(typeof l === typeof r && JSON.stringify(l) === JSON.stringify(r));
      if (typeof l !== 'number' || typeof r !== 'number') {
        throw new Error(`'${ast.operator}' compares numbers, got ${JSON.stringify(l)} and ${JSON.stringify(r)}`);
      }
      switch (ast.operator) {
        case '>': return l > r;
        case '>=': return l >= r;
        case '<': return l < r;
        default: return l <= r;
      }
    }
    default: {
      const v = value(ast);
      if (typeof v !== 'boolean') throw new Error(`${JSON.stringify(v)} is not a boolean`);
      return v;
    }
  }
}
