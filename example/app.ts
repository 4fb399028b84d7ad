/*
 * The example app: `npm run synth:example` synthesizes it into cdk.out/ and prints the quick-start
 * flow as a Mermaid diagram.
 */
import { App } from 'aws-cdk-lib';
import { ContractPipelineStack } from './contract-pipeline-stack';
import { QuickstartStack } from './quickstart-stack';

const app = new App({ outdir: process.env.CDK_OUTDIR ?? 'cdk.out' });
const env = { account: process.env.CDK_DEFAULT_ACCOUNT ?? '111122223333', region: process.env.CDK_DEFAULT_REGION ?? 'us-east-1' };
const quickstart = new QuickstartStack(app, 'CdkBedrockFlowsQuickstart', { env });
new ContractPipelineStack(app, 'CdkBedrockFlowsContractPipeline', { env });

const assembly = app.synth();
for (const stack of assembly.stacks) {
  const resources = Object.values(stack.template.Resources ?? {}) as { Type: string }[];
  const counts = new Map<string, number>();
  for (const r of resources) counts.set(r.Type, (counts.get(r.Type) ?? 0) + 1);
  console.log(`${stack.stackName}: ${stack.templateFullPath}`);
  for (const [type, n] of [...counts].sort()) console.log(`  ${type} × ${n}`);
}
console.log('\nQuick-start flow:\n```mermaid');
console.log(quickstart.flow.definition.toMermaid());
console.log('```');
