import { spawnSync } from 'child_process';

/** Whether `python3` can be run here (the InlineCode tests that run Python are skipped without it). */
export const HAS_PYTHON = spawnSync('python3', ['--version']).status === 0;

/**
 * Runs the code of an InlineCode node the way Bedrock does: the inputs are Python variables, and
 * the value of the last line is the response (returned as parsed JSON).
 */
export function runInlineCode(code: string, inputs: { [name: string]: unknown }): any {
  const runner = [
    'import ast, json, sys',
    'args = json.load(sys.stdin)',
    'tree = ast.parse(args["code"])',
    'scope = dict(args["inputs"])',
    'exec(compile(ast.Module(body=tree.body[:-1], type_ignores=[]), "inline", "exec"), scope)',
    'print(json.dumps(eval(compile(ast.Expression(tree.body[-1].value), "inline", "eval"), scope)))',
  ].join('\n');
  const run = spawnSync('python3', ['-c', runner], { input: JSON.stringify({ code, inputs }), encoding: 'utf-8' });
  if (run.status !== 0) throw new Error(`python3 failed: ${run.stderr}`);
  return JSON.parse(run.stdout);
}
