/*
 * Integration test: the quick-start flow (Input → Prompt → Condition → Prompt | Lambda → Outputs),
 * its current version and alias. The committed snapshot is checked by `integ-runner` in `npm test`;
 * deploy it with `npx integ-runner --language typescript --force` in an account with Bedrock model access.
 */
import { IntegTest } from '@aws-cdk/integ-tests-alpha';
import { App } from 'aws-cdk-lib';
import { QuickstartStack } from '../example/quickstart-stack';

const app = new App();
const stack = new QuickstartStack(app, 'CdkBedrockFlowsIntegBasic');
new IntegTest(app, 'FlowBasic', { testCases: [stack] });
app.synth();
