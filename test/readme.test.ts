import * as fs from 'fs';
import * as path from 'path';
import * as ts from 'typescript';

/*
 * Every TypeScript example of README.md compiles against the library. Each ```ts block becomes a
 * module: its imports stay at the top (the package name mapped to src/), its other lines run in an
 * async method of a Stack (so `this` is a scope), and names the README uses without declaring them
 * (the application's functions, a topic, ...) are declared from the fixture below.
 */

const ROOT = path.join(__dirname, '..');
const OUT = path.join(ROOT, 'test-reports', 'readme-snippets');

/** Names README examples use without declaring them, and their types. */
const FIXTURE: { [name: string]: string } = {
  notifyFunction: "import('aws-cdk-lib/aws-lambda').IFunction",
  apiFunction: "import('aws-cdk-lib/aws-lambda').IFunction",
  opsTopic: "import('aws-cdk-lib/aws-sns').ITopic",
  key: "import('aws-cdk-lib/aws-kms').IKey",
  existingRole: "import('aws-cdk-lib/aws-iam').IRole",
  reader: "import('aws-cdk-lib/aws-iam').IGrantable",
  reviewApp: "import('aws-cdk-lib/aws-iam').IGrantable",
  input: "import('SRC').InputNode",
  prompt: "import('SRC').PromptNode",
  output: "import('SRC').OutputNode",
  flow: "import('SRC').Flow",
  pipeline: "import('SRC').ContractProcessingPipeline",
  simulator: "import('SRC/testing').FlowSimulator",
  json: 'any',
};

function snippets(): { line: number; code: string }[] {
  const lines = fs.readFileSync(path.join(ROOT, 'README.md'), 'utf-8').split('\n');
  const result: { line: number; code: string }[] = [];
  for (let i = 0; i < lines.length; i++) {
    if (lines[i].trim() !== '```ts') continue;
    const start = i + 1;
    while (++i < lines.length && lines[i].trim() !== '```');
    result.push({ line: start + 1, code: lines.slice(start, i).join('\n') });
  }
  return result;
}

function toModule(code: string, file: string): string {
  const src = path.relative(path.dirname(file), path.join(ROOT, 'src')).split(path.sep).join('/');
  const mapped = code
    .replace(/'cdk-bedrock-flows\/lib\/(runtime|testing)'/g, (_m, sub) => `'${src}/${sub}'`)
    .replace(/'cdk-bedrock-flows'/g, `'${src}'`);
  const imports = mapped.match(/^import[\s\S]*?from\s+'[^']+';.*$/gm) ?? [];
  let body = mapped;
  for (const i of imports) body = body.replace(i, '');
  const declared = (name: string) => new RegExp(`(const|let|class|function|import[^;]*)\\s*[{,]?[^;=]*\\b${name}\\b`).test(mapped);
  const fixture = Object.entries(FIXTURE)
    .filter(([name]) => new RegExp(`\\b${name}\\b`).test(body) && !declared(name))
    .map(([name, type]) => `declare const ${name}: ${type.replace('SRC', src)};`);
  return [
    ...imports,
    "import { Stack as SnippetStack } from 'aws-cdk-lib';",
    ...fixture,
    'export class Snippet extends SnippetStack {',
    '  public async run(): Promise<void> {',
    // `declare const x: T;` (a value the application has) becomes a local of that type
    body.replace(/^declare const (\w+): ([^;=]+);(.*)$/gm, 'const $1 = undefined as unknown as $2;$3'),
    '  }',
    '}',
  ].join('\n');
}

describe('README.md', () => {
  test('every TypeScript example compiles', () => {
    // GIVEN
    fs.rmSync(OUT, { recursive: true, force: true });
    fs.mkdirSync(OUT, { recursive: true });
    const blocks = snippets();
    expect(blocks.length).toBeGreaterThan(10);
    const files = blocks.map((b, i) => {
      const file = path.join(OUT, `snippet-${String(i + 1).padStart(2, '0')}-line-${b.line}.ts`);
      fs.writeFileSync(file, toModule(b.code, file));
      return file;
    });

    // WHEN
    const program = ts.createProgram(files, {
      target: ts.ScriptTarget.ES2022,
      module: ts.ModuleKind.Node16,
      moduleResolution: ts.ModuleResolutionKind.Node16,
      strict: true,
      noEmit: true,
      skipLibCheck: true,
      esModuleInterop: true,
      types: ['jest', 'node'],
      lib: ['lib.es2022.d.ts'],
    });
    const problems = ts.getPreEmitDiagnostics(program)
      .filter(d => d.file && files.includes(path.resolve(d.file.fileName)))
      .map(d => `${path.basename(d.file!.fileName)}:${d.file!.getLineAndCharacterOfPosition(d.start!).line + 1}: `
        + ts.flattenDiagnosticMessageText(d.messageText, '\n'));

    // THEN
    expect(problems).toEqual([]);
  }, 120_000);
});
