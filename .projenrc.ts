import { awscdk, javascript, DependencyType, JsonFile } from 'projen';

const project = new awscdk.AwsCdkConstructLibrary({
  author: 'cdk-bedrock-flows maintainers',
  authorAddress: 'maintainers@users.noreply.example',
  name: 'cdk-bedrock-flows',
  description: 'AWS CDK L2 constructs for Amazon Bedrock Flows: a typed node-graph builder, synth-time validation, least-privilege IAM and a contract-processing pattern.',
  keywords: ['cdk', 'aws-cdk', 'bedrock', 'bedrock-flows', 'genai', 'awscdk'],
  repositoryUrl: 'https://github.com/cdk-bedrock-flows/cdk-bedrock-flows.git',
  defaultReleaseBranch: 'main',
  // aws-cdk-lib 2.257.0 is the newest release whose cloud assembly integ-runner 2.197.10 can read.
  cdkVersion: '2.257.0',
  constructsVersion: '10.5.1',
  jsiiVersion: '~6.0.0',
  projenVersion: '0.103.25',
  experimentalIntegRunner: true,
  github: false,
  packageManager: javascript.NodePackageManager.NPM,
  projenrcTs: true,
  // Python bindings are declared so `jsii-pacmak --code-only --target python` can check them; only the
  // JavaScript package is built here (pip cannot reach PyPI on these machines; see package-all below)
  publishToPypi: { distName: 'cdk-bedrock-flows', module: 'cdk_bedrock_flows' },
  bin: { 'cdk-bedrock-flows': 'bin/cdk-bedrock-flows' },
  devDeps: [
    '@aws-sdk/client-bedrock-agent-runtime@3.1164.0',
    '@aws-sdk/client-sqs@^3',
    '@aws-sdk/client-textract@^3',
    '@aws-sdk/client-translate@^3',
    '@aws-sdk/client-s3@^3',
    '@aws-sdk/client-dynamodb@^3',
    '@types/aws-lambda@^8',
    'aws-sdk-client-mock@4.1.0',
    'esbuild@^0.25',
  ],
  lambdaOptions: {
    runtime: awscdk.LambdaRuntime.NODEJS_24_X,
    // the handlers use the AWS SDK for JavaScript v3 of the Node.js 24 runtime (it has every client
    // they need, InvokeFlow included), which keeps each bundle small
    bundlingOptions: { externals: ['@aws-sdk/*'], sourcemap: false },
  },
  jestOptions: {
    // snapshots never update silently in `npm test`; use `npx projen test:update`
    updateSnapshot: javascript.UpdateSnapshot.NEVER,
    jestConfig: {
      // coverage triples the test time on these 2-core machines; `npx projen coverage` measures it
      collectCoverage: false,
      setupFilesAfterEnv: ['<rootDir>/test/setup.ts'],
      testPathIgnorePatterns: ['/node_modules/', '<rootDir>/test/fixtures/', '\\.snapshot/'],
      coveragePathIgnorePatterns: ['/node_modules/', '<rootDir>/test/'],
    },
  },
  gitignore: ['/cdk.out', '/example/cdk.out', '/.bench', '*.tsbuildinfo'],
  eslintOptions: {
    dirs: ['src'],
    devdirs: ['test', 'example', 'bench', 'build-tools', 'projenrc', '.projenrc.ts'],
  },
});

// integ-runner 2.197.10 and integ-tests-alpha 2.245.0-alpha.0 are the versions that read and write
// cloud-assembly schema 53 (aws-cdk-lib 2.257.0); the component adds `latest`, so re-pin them here.
for (const dep of ['@aws-cdk/integ-runner', '@aws-cdk/integ-tests-alpha']) {
  project.deps.removeDependency(dep, DependencyType.DEVENV);
}
project.addDevDeps(
  '@aws-cdk/integ-runner@2.197.10',
  '@aws-cdk/integ-tests-alpha@2.245.0-alpha.0',
  'aws-cdk@^2.1100.0',
  'cdk-nag@2.38.2',
);

// the local build packages JavaScript only; Python is generated with --code-only to check the API
const packageAll = project.tasks.tryFind('package-all')!;
packageAll.reset();
packageAll.spawn(project.tasks.tryFind('package:js')!);

for (const pattern of ['/example', '/bench', '/.ci', '/cdk.out', '/test-reports']) {
  project.addPackageIgnore(pattern);
}

// lints every template the tests synthesized with cfn-lint, and fails the run on an error
project.jest!.addReporter(new javascript.JestReporter('<rootDir>/test/cfn-lint-reporter.js'));

// the registry lacks most unrs-resolver 1.13 platform bindings, which breaks `npm ci`
project.package.addPackageResolutions('unrs-resolver@1.12.2');
project.tasks.addEnvironment('JSII_SILENCE_WARNING_END_OF_LIFE_NODE_VERSION', '20');

// Minify the Lambda bundles (keeping function names for readable stack traces): they are assets of
// the pattern and of its committed integ snapshot.
for (const task of project.tasks.all.filter(t => t.name.startsWith('bundle:'))) {
  task.steps.forEach((step, i) => {
    if (step.execArgs?.[0] === 'esbuild') task.updateStep(i, { ...step, execArgs: [...step.execArgs, '--minify', '--keep-names'] });
  });
}

// Tests synthesize the pattern, whose invoker Lambda is bundled by esbuild: bundle before jest
// so `npm test` works on a fresh clone.
const bundle = project.tasks.tryFind('bundle');
// start from an empty assets/ so a stale file never changes an asset hash
bundle?.prependExec('rm -rf assets');
const testTask = project.tasks.tryFind('test')!;
if (bundle) {
  testTask.prependSpawn(bundle);
}
// jest writes its results as JSON so `.ci/run` can print its own summary line
const jestStep = testTask.steps.findIndex(s => s.exec?.startsWith('jest') || s.execArgs?.[0] === 'jest');
if (jestStep >= 0) {
  testTask.updateStep(jestStep, {
    execArgs: ['jest', '--passWithNoTests', '--ci', '--json', '--outputFile=test-reports/jest-results.json'],
    receiveArgs: true,
  });
}

// ts-jest only transpiles (isolatedModules), so the tests, the bench and the example are type-checked here,
// in one program (with the options of their tsconfigs, which all extend test/tsconfig.json): the sources they
// import are checked once instead of once per directory
new JsonFile(project, 'tsconfig.typecheck.json', {
  obj: { extends: './test/tsconfig.json', include: ['test/**/*.ts', 'bench/**/*.ts', 'example/**/*.ts'] },
  marker: false,
});
project.addPackageIgnore('/tsconfig.typecheck.json');
const typecheck = project.addTask('typecheck', {
  description: 'Type-checks the tests, the bench and the example (ts-jest only transpiles)',
  exec: 'tsc --noEmit -p tsconfig.typecheck.json',
});
testTask.spawn(typecheck);

project.addTask('coverage', {
  description: 'Runs jest with a coverage report (coverage/)',
  exec: 'jest --coverage --passWithNoTests',
});
project.addTask('synth:example', {
  description: 'Synthesizes the example app into cdk.out/ and prints the flow as a Mermaid diagram',
  exec: 'ts-node --transpile-only --project example/tsconfig.json example/app.ts',
});
const bench = project.addTask('bench', {
  description: 'Prints performance figures as ratios against the plain L1 (not a test); compiles lib/ first for the import figure',
});
bench.spawn(project.compileTask);
// bundled with esbuild and run by plain node, as users run the compiled library (no ts-node hooks)
bench.exec('esbuild bench/run.ts --bundle --platform=node --target=node20 --external:aws-cdk-lib --external:constructs '
  + '--external:@aws-sdk/* --outfile=.bench/run.js --log-level=warning');
bench.exec('node .bench/run.js');

project.synth();
