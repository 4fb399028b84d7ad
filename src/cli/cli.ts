/*
 * The `cdk-bedrock-flows` command line: checks flow definition files and draws them.
 * The logic is here, as a function from arguments to exit code and output, so it can be tested;
 * `bin/cdk-bedrock-flows` only calls `main` and writes the result.
 */
import * as fs from 'fs';
import { FlowDefinition } from '../definition/flow-definition';
import { renderMermaid } from '../definition/mermaid';
import { FlowValidationResult, FlowValidationSeverity } from '../validation/types';
import { validateFlowDefinition } from '../validation/validate';

/** What a run of the command line produced. */
export interface CliResult {
  /** 0: no errors; 1: the definition has errors; 2: wrong usage, or a file cannot be read. */
  readonly exitCode: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** How the command line reads files (replaceable in tests). */
export interface CliIo {
  /** Reads a file as UTF-8 text; `-` is standard input. */
  readonly readFile: (path: string) => string;
}

/** Exit codes. */
export const EXIT_OK = 0;
export const EXIT_INVALID = 1;
export const EXIT_USAGE = 2;

export const USAGE = `Usage: cdk-bedrock-flows <command> [options] <file.json>

Commands:
  validate <file.json>...  Check flow definitions (API shape, camelCase; a console or GetFlow
                           export with a 'definition' member is fine) with the rules that
                           Bedrock and CloudFormation apply. Prints one line per finding.
                           Exit code 1 when there is an error, 0 when there are only warnings.
  diagram <file.json>      Print the flow as a Mermaid flowchart.

Options for validate:
  --json                   Print the findings as JSON.
  --no-limits              Skip the size limits (nodes, connections, inputs, ...).
  --no-placeholders        Report \${Name} placeholders as errors (by default they are accepted,
                           because they are filled at deploy time).
Options for diagram:
  --direction <TD|LR|BT|RL>  The direction of the flowchart (default TD).
  --markdown               Wrap the diagram in a \`\`\`mermaid block.

  -h, --help               Print this help.

A file name of '-' reads standard input. Exit code 2: wrong usage or a file that cannot be read.
`;

const defaultIo: CliIo = {
  readFile: (path: string) => fs.readFileSync(path === '-' ? 0 : path, 'utf-8'),
};

/**
 * Runs the command line.
 * @param argv the arguments after the program name (`process.argv.slice(2)`)
 */
export function main(argv: string[], io: CliIo = defaultIo): CliResult {
  const [command, ...rest] = argv;
  if (command === undefined) return usageError('no command given');
  if (command === '-h' || command === '--help' || command === 'help') return { exitCode: EXIT_OK, stdout: USAGE, stderr: '' };
  if (rest.includes('-h') || rest.includes('--help')) return { exitCode: EXIT_OK, stdout: USAGE, stderr: '' };
  switch (command) {
    case 'validate': return validateCommand(rest, io);
    case 'diagram': return diagramCommand(rest, io);
    default: return usageError(`unknown command '${command}'`);
  }
}

function validateCommand(args: string[], io: CliIo): CliResult {
  const parsed = parseArgs(args, ['--json', '--no-limits', '--no-placeholders'], []);
  if (typeof parsed === 'string') return usageError(parsed);
  if (parsed.files.length === 0) return usageError('validate needs a file: cdk-bedrock-flows validate <file.json>');
  const json = parsed.flags.has('--json');
  const reports: { file: string; findings: FlowValidationResult[] }[] = [];
  for (const file of parsed.files) {
    const definition = readDefinition(file, io);
    if (typeof definition === 'string') return { exitCode: EXIT_USAGE, stdout: '', stderr: `cdk-bedrock-flows: ${definition}\n` };
    reports.push({
      file,
      findings: validateFlowDefinition(definition, {
        checkLimits: !parsed.flags.has('--no-limits'),
        allowPlaceholders: !parsed.flags.has('--no-placeholders'),
      }),
    });
  }
  const hasErrors = reports.some(r => r.findings.some(f => f.severity === FlowValidationSeverity.ERROR));
  const exitCode = hasErrors ? EXIT_INVALID : EXIT_OK;
  if (json) {
    const out = reports.map(r => ({
      file: r.file,
      valid: !r.findings.some(f => f.severity === FlowValidationSeverity.ERROR),
      errors: count(r.findings, FlowValidationSeverity.ERROR),
      warnings: count(r.findings, FlowValidationSeverity.WARNING),
      findings: r.findings,
    }));
    return { exitCode, stdout: `${JSON.stringify(out.length === 1 ? out[0] : out, null, 2)}\n`, stderr: '' };
  }
  const lines: string[] = [];
  for (const { file, findings } of reports) {
    for (const f of findings) lines.push(formatLine(file, f));
    const errors = count(findings, FlowValidationSeverity.ERROR);
    const warnings = count(findings, FlowValidationSeverity.WARNING);
    lines.push(findings.length === 0 ? `${file}: no problems found`
      : `${file}: ${plural(errors, 'error')}, ${plural(warnings, 'warning')}${errors === 0 ? ' (valid)' : ''}`);
  }
  return { exitCode, stdout: `${lines.join('\n')}\n`, stderr: '' };
}

function diagramCommand(args: string[], io: CliIo): CliResult {
  const parsed = parseArgs(args, ['--markdown'], ['--direction']);
  if (typeof parsed === 'string') return usageError(parsed);
  if (parsed.files.length !== 1) return usageError('diagram needs exactly one file: cdk-bedrock-flows diagram <file.json>');
  const definition = readDefinition(parsed.files[0], io);
  if (typeof definition === 'string') return { exitCode: EXIT_USAGE, stdout: '', stderr: `cdk-bedrock-flows: ${definition}\n` };
  let diagram: string;
  try {
    diagram = renderMermaid(definition, { direction: parsed.values.get('--direction') });
  } catch (e) {
    return usageError((e as Error).message);
  }
  const out = parsed.flags.has('--markdown') ? `\`\`\`mermaid\n${diagram}\n\`\`\`` : diagram;
  return { exitCode: EXIT_OK, stdout: `${out}\n`, stderr: '' };
}

/** `error: Type at node 'X', port 'y': message` (with the file name first). */
export function formatLine(file: string, f: FlowValidationResult): string {
  const where: string[] = [];
  if (f.loopNode !== undefined) where.push(`Loop '${f.loopNode}'`);
  if (f.node !== undefined) where.push(`node '${f.node}'`);
  if (f.port !== undefined) where.push(`port '${f.port}'`);
  if (f.connection !== undefined) where.push(`connection '${f.connection}'`);
  const location = where.length > 0 ? ` at ${where.join(', ')}` : '';
  return `${file}: ${f.severity === FlowValidationSeverity.ERROR ? 'error' : 'warning'} ${f.type}${location}: ${f.message}`;
}

/** The definition in a file, or why it cannot be read. */
function readDefinition(file: string, io: CliIo): any | string {
  let text: string;
  try {
    text = io.readFile(file);
  } catch (e) {
    return `cannot read '${file}': ${(e as Error).message}`;
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (e) {
    return `'${file}' is not valid JSON: ${(e as Error).message}`;
  }
  try {
    // unwraps a console / GetFlow export (`{ name, ..., definition: { nodes, connections } }`)
    return FlowDefinition.fromJson(parsed).toJson();
  } catch (e) {
    return `'${file}': ${(e as Error).message}`;
  }
}

interface ParsedArgs {
  readonly files: string[];
  readonly flags: Set<string>;
  readonly values: Map<string, string>;
}

/** Splits arguments into files, flags and `--option value` pairs; a string is a usage error. */
function parseArgs(args: string[], flags: string[], options: string[]): ParsedArgs | string {
  const result: ParsedArgs = { files: [], flags: new Set(), values: new Map() };
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    const [name, inline] = arg.startsWith('--') && arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
    if (flags.includes(name) && inline === undefined) {
      result.flags.add(name);
    } else if (options.includes(name)) {
      const value = inline ?? args[++i];
      if (value === undefined) return `${name} needs a value`;
      result.values.set(name, value);
    } else if (arg.startsWith('-') && arg !== '-') {
      return `unknown option '${arg}'`;
    } else {
      result.files.push(arg);
    }
  }
  return result;
}

function usageError(problem: string): CliResult {
  return { exitCode: EXIT_USAGE, stdout: '', stderr: `cdk-bedrock-flows: ${problem}\n\n${USAGE}` };
}

function count(findings: FlowValidationResult[], severity: FlowValidationSeverity): number {
  return findings.filter(f => f.severity === severity).length;
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}
