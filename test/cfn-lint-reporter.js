// A jest reporter that runs cfn-lint once over every template the tests synthesized
// (test/util/template-capture.ts writes them) and fails the run when cfn-lint reports an error.
// The check is added to jest's results as one test, so the totals include it.
const { spawnSync } = require('child_process');
const fs = require('fs');
const path = require('path');

const CHUNK = 200;

class CfnLintReporter {
  constructor(globalConfig) {
    this.globalConfig = globalConfig;
    this.error = undefined;
    // one directory per run, passed to the test workers through the environment they inherit
    this.captureDir = path.join(__dirname, '..', 'test-reports', 'cfn-templates', `run-${process.pid}`);
    process.env.CFN_TEMPLATE_CAPTURE_DIR = this.captureDir;
  }

  onRunStart() {
    fs.rmSync(this.captureDir, { recursive: true, force: true });
  }

  onRunComplete(_contexts, results) {
    if (this.globalConfig.watch || this.globalConfig.watchAll) return;
    const dir = this.captureDir;
    const files = fs.existsSync(dir)
      ? fs.readdirSync(dir).filter(f => f.endsWith('.template.json')).sort().map(f => path.join(dir, f))
      : [];
    if (files.length === 0) return;

    const findings = [];
    let failure;
    for (let i = 0; i < files.length; i += CHUNK) {
      const chunk = files.slice(i, i + CHUNK);
      const run = spawnSync('cfn-lint', ['--format', 'parseable', '--', ...chunk], { encoding: 'utf-8' });
      if (run.error) {
        failure = `cfn-lint could not be run: ${run.error.message}`;
        break;
      }
      // exit status is a bit mask: 2 = errors, 4 = warnings, 8 = informational; anything else is a crash
      if (run.status !== 0 && (run.status & ~(2 | 4 | 8)) !== 0) {
        failure = `cfn-lint exited with ${run.status}: ${run.stderr || run.stdout}`;
        break;
      }
      findings.push(...run.stdout.split('\n').filter(Boolean));
    }
    const errors = findings.filter(line => /:E\d{4}:/.test(line));
    const warnings = findings.filter(line => /:W\d{4}:/.test(line));
    if (!failure && errors.length > 0) {
      failure = `cfn-lint reported ${errors.length} error(s):\n${errors.join('\n')}`;
    }

    const title = `cfn-lint reports no error in the ${files.length} synthesized templates`;
    if (failure) {
      this.error = new Error(failure);
      results.numFailedTests += 1;
      results.numTotalTests += 1;
      results.success = false;
      results.testResults.push({
        testFilePath: path.join(__dirname, 'cfn-lint-reporter.js'),
        numFailingTests: 1, numPassingTests: 0, numPendingTests: 0, numTodoTests: 0,
        failureMessage: failure,
        testResults: [{ title, fullName: title, ancestorTitles: [], status: 'failed', failureMessages: [failure] }],
        perfStats: {}, snapshot: {}, openHandles: [], leaks: false, skipped: false,
      });
      process.stderr.write(`\n✖ ${failure}\n`);
    } else {
      results.numPassedTests += 1;
      results.numTotalTests += 1;
      fs.rmSync(dir, { recursive: true, force: true }); // kept only when there is something to look at
      process.stderr.write(`\n✔ ${title} (${warnings.length} warning(s))\n`);
    }
  }

  getLastError() {
    return this.error;
  }
}

module.exports = CfnLintReporter;
