/*
 * Runs the first example of README.md's "Testing a flow offline" (a jest test written against the published import
 * paths), so the README section cannot drift from the API. The example is transpiled and run here,
 * which registers its `test(...)` in this file.
 */
import * as fs from 'fs';
import * as path from 'path';
import * as ts from 'typescript';

const IMPORTS: Record<string, string> = {
  'cdk-bedrock-flows': '../../src',
  'cdk-bedrock-flows/lib/testing': '../../src/testing',
};

const readme = fs.readFileSync(path.join(__dirname, '..', '..', 'README.md'), 'utf-8');
const section = readme.slice(readme.indexOf('## Testing a flow offline'));
const example = /```ts\n([\s\S]*?)```/.exec(section)![1];
const js = ts.transpileModule(example, {
  compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022, esModuleInterop: true },
}).outputText;

// eslint-disable-next-line @typescript-eslint/no-require-imports
const load = (id: string) => require(IMPORTS[id] ?? id);
new Function('require', 'exports', js)(load, {});
