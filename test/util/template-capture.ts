import * as fs from 'fs';
import * as path from 'path';

/**
 * Where the tests leave every template they synthesize, for `test/cfn-lint-reporter.js` to lint
 * once all test files have run. The reporter gives each run its own directory (through the
 * environment the test workers inherit), so concurrent runs do not lint each other's templates.
 */
export const CAPTURE_DIR = process.env.CFN_TEMPLATE_CAPTURE_DIR ?? path.join(__dirname, '..', '..', 'test-reports', 'cfn-templates');

let counter = 0;

/** Records a synthesized template so that the cfn-lint reporter checks it. */
export function recordTemplate(template: unknown, label: string): void {
  const testPath = expect.getState().testPath ?? 'unknown';
  const fileLabel = path.relative(path.join(__dirname, '..'), testPath).replace(/[^A-Za-z0-9]+/g, '-');
  const name = `${fileLabel}--${++counter}-${label.replace(/[^A-Za-z0-9]+/g, '-')}.template.json`;
  fs.mkdirSync(CAPTURE_DIR, { recursive: true });
  fs.writeFileSync(path.join(CAPTURE_DIR, name), JSON.stringify(template));
}
