import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { EXIT_INVALID, EXIT_OK, EXIT_USAGE, main } from '../../src/cli/cli';
import { fixture } from '../validation/util';

const FIXTURES = path.join(__dirname, '..', 'fixtures');
const file = (name: string) => path.join(FIXTURES, `${name}.json`);

/** Runs the command line with files served from memory. */
function run(argv: string[], files: { [name: string]: string } = {}) {
  return main(argv, {
    readFile: (p: string) => {
      if (p in files) return files[p];
      return fs.readFileSync(p, 'utf-8');
    },
  });
}

describe('cdk-bedrock-flows validate', () => {
  test('exits 0 and says so when the definition is valid', () => {
    const result = run(['validate', file('example-b-condition-routing')]);
    expect(result).toEqual({ exitCode: EXIT_OK, stdout: `${file('example-b-condition-routing')}: no problems found\n`, stderr: '' });
  });

  test('exits 1 and prints one line per finding, naming severity, rule, node, port and connection, and the fix', () => {
    const result = run(['validate', file('invalid-rag')]);
    expect(result.exitCode).toBe(EXIT_INVALID);
    const lines = result.stdout.trimEnd().split('\n');
    expect(lines).toContain(`${file('invalid-rag')}: error UnknownConnectionSourceOutput at node 'FindChunks', port 'results', connection 'ChunksToAnswer': `
      + "connection 'ChunksToAnswer' reads output 'results' of node 'FindChunks', which has no such output (its outputs: 'retrievalResults'): "
      + 'use one of those as sourceOutput, or declare the output');
    expect(lines).toContainEqual(expect.stringMatching(/: error UnsupportedByCloudFormation at node 'Answer': .*lower it to 4096 or less$/));
    expect(lines).toContainEqual(expect.stringMatching(/: error UnfulfilledNodeInput at node 'Answer', port 'chunks': /));
    expect(lines[lines.length - 1]).toBe(`${file('invalid-rag')}: 6 errors, 0 warnings`);
  });

  test('exits 0 and prints warnings when there are only warnings', () => {
    const def = fixture('example-a-rag');
    def.nodes[2].inputs[1].type = 'String';
    const result = run(['validate', 'flow.json'], { 'flow.json': JSON.stringify(def) });
    expect(result.exitCode).toBe(EXIT_OK);
    expect(result.stdout).toMatch(/^flow\.json: warning IncompatibleConnectionDataType at node 'Answer', port 'context', connection 'ChunksToAnswer': /);
    expect(result.stdout).toMatch(/flow\.json: 0 errors, 1 warning \(valid\)\n$/);
  });

  test('names the Loop node of a finding in a loop body', () => {
    const def = fixture('example-e-loop');
    def.nodes[1].configuration.loop.definition.nodes[1].inputs[0].expression = 'draft';
    const result = run(['validate', 'loop.json'], { 'loop.json': JSON.stringify(def) });
    expect(result.stdout).toMatch(/loop\.json: error MalformedNodeInputExpression at Loop 'RefineLoop', node 'Improve', port 'draft': /);
  });

  test('accepts a console export and its placeholders, unless --no-placeholders', () => {
    expect(run(['validate', file('console-export')]).exitCode).toBe(EXIT_OK);
    const strict = run(['validate', '--no-placeholders', file('console-export')]);
    expect(strict.exitCode).toBe(EXIT_INVALID);
    expect(strict.stdout).toMatch(/error UnresolvedPlaceholder at node 'Enrich': node 'Enrich' still holds the placeholder '\$\{EnrichFunctionArn\}'/);
  });

  test('--no-limits skips the size limits', () => {
    const def = fixture('example-a-rag');
    for (let i = 0; i < 20; i++) def.connections.push({ ...def.connections[1], name: `Copy${i}`, configuration: { data: { sourceOutput: 'document', targetInput: 'question' } } });
    const files = { 'big.json': JSON.stringify(def) };
    expect(run(['validate', 'big.json'], files).stdout).toMatch(/LimitExceeded/);
    expect(run(['validate', '--no-limits', 'big.json'], files).stdout).not.toMatch(/LimitExceeded/);
  });

  test('--json prints the findings as JSON', () => {
    const result = run(['validate', '--json', file('invalid-rag')]);
    expect(result.exitCode).toBe(EXIT_INVALID);
    const report = JSON.parse(result.stdout);
    expect(report).toMatchObject({ file: file('invalid-rag'), valid: false, errors: 6, warnings: 0 });
    expect(report.findings).toContainEqual({
      type: 'UnknownConnectionSourceOutput',
      severity: 'Error',
      node: 'FindChunks',
      port: 'results',
      connection: 'ChunksToAnswer',
      message: expect.stringMatching(/reads output 'results'/),
    });
  });

  test('checks several files, and fails when one has an error', () => {
    const result = run(['validate', file('example-a-rag'), file('invalid-rag')]);
    expect(result.exitCode).toBe(EXIT_INVALID);
    expect(result.stdout).toMatch(/example-a-rag\.json: no problems found\n/);
    expect(run(['validate', '--json', file('example-a-rag'), file('example-e-loop')]).stdout).toMatch(/^\[/);
  });

  test('reads standard input for -', () => {
    expect(run(['validate', '-'], { '-': JSON.stringify(fixture('example-c-iterator-collector')) }).stdout).toBe('-: no problems found\n');
  });

  test.each([
    [['validate', path.join(FIXTURES, 'missing.json')], /cannot read '.*missing\.json': ENOENT/],
    [['validate', 'bad.json'], /'bad\.json' is not valid JSON/],
    [['validate', 'list.json'], /'list\.json': the JSON definition must be a JSON object with 'nodes' and 'connections'/],
  ])('exits 2 when a file cannot be used: %j', (argv, message) => {
    const result = run(argv, { 'bad.json': '{ nodes: [', 'list.json': '[]' });
    expect(result).toEqual({ exitCode: EXIT_USAGE, stdout: '', stderr: expect.stringMatching(message) });
  });
});

describe('cdk-bedrock-flows diagram', () => {
  test('prints the Mermaid flowchart', () => {
    const result = run(['diagram', file('example-e-loop')]);
    expect(result.exitCode).toBe(EXIT_OK);
    expect(result.stdout).toMatch(/^flowchart TD\n/);
    expect(result.stdout).toContain('subgraph n_RefineLoop ["RefineLoop<br/><i>Loop</i>"]');
  });

  test('--markdown wraps it in a mermaid block, --direction turns it', () => {
    const result = run(['diagram', '--markdown', '--direction', 'LR', file('example-a-rag')]);
    expect(result.stdout).toMatch(/^```mermaid\nflowchart LR\n[\s\S]*\n```\n$/);
    expect(run(['diagram', '--direction=LR', file('example-a-rag')]).stdout).toMatch(/^flowchart LR/);
  });

  test('exits 2 for a wrong direction, a missing file or several files', () => {
    expect(run(['diagram', '--direction', 'UP', file('example-a-rag')])).toMatchObject({ exitCode: EXIT_USAGE, stderr: expect.stringMatching(/direction 'UP' is not a Mermaid flowchart direction/) });
    expect(run(['diagram', path.join(FIXTURES, 'missing.json')])).toMatchObject({ exitCode: EXIT_USAGE, stderr: expect.stringMatching(/cannot read/) });
    expect(run(['diagram', file('example-a-rag'), file('example-e-loop')])).toMatchObject({ exitCode: EXIT_USAGE, stderr: expect.stringMatching(/exactly one file/) });
  });
});

describe('cdk-bedrock-flows usage', () => {
  test.each([
    [[], /no command given/],
    [['lint', 'x.json'], /unknown command 'lint'/],
    [['validate'], /validate needs a file/],
    [['validate', '--strict', 'x.json'], /unknown option '--strict'/],
    [['diagram', '--direction'], /--direction needs a value/],
  ])('exits 2 with the usage for %j', (argv, message) => {
    const result = run(argv);
    expect(result.exitCode).toBe(EXIT_USAGE);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(message);
    expect(result.stderr).toMatch(/Usage: cdk-bedrock-flows <command>/);
  });

  test('--help prints the usage and exits 0', () => {
    expect(run(['--help'])).toMatchObject({ exitCode: EXIT_OK, stdout: expect.stringMatching(/^Usage: cdk-bedrock-flows/) });
    expect(run(['validate', '--help'])).toMatchObject({ exitCode: EXIT_OK });
  });
});

describe('bin/cdk-bedrock-flows', () => {
  test('runs the command line and exits with its code', () => {
    // the real bin script, next to a lib/cli/cli.js that loads the TypeScript source (no build needed)
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cdk-bedrock-flows-bin-'));
    try {
      fs.mkdirSync(path.join(dir, 'bin'));
      fs.mkdirSync(path.join(dir, 'lib', 'cli'), { recursive: true });
      fs.copyFileSync(path.join(__dirname, '..', '..', 'bin', 'cdk-bedrock-flows'), path.join(dir, 'bin', 'cdk-bedrock-flows'));
      fs.writeFileSync(path.join(dir, 'lib', 'cli', 'cli.js'), `module.exports = require(${JSON.stringify(path.join(__dirname, '..', '..', 'src', 'cli', 'cli.ts'))});\n`);
      const node = (args: string[]) => spawnSync(process.execPath, ['-r', 'ts-node/register', path.join(dir, 'bin', 'cdk-bedrock-flows'), ...args], {
        cwd: path.join(__dirname, '..', '..'),
        encoding: 'utf-8',
        env: { ...process.env, TS_NODE_TRANSPILE_ONLY: 'true' },
      });
      const invalid = node(['validate', file('invalid-rag')]);
      expect(invalid.status).toBe(EXIT_INVALID);
      expect(invalid.stdout).toMatch(/error UnknownConnectionSourceOutput at node 'FindChunks'/);
      const usage = node([]);
      expect(usage.status).toBe(EXIT_USAGE);
      expect(usage.stderr).toMatch(/Usage: cdk-bedrock-flows/);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }, 120_000);
});
