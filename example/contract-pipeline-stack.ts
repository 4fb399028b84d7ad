import { Stack, StackProps } from 'aws-cdk-lib';
import * as sns from 'aws-cdk-lib/aws-sns';
import { Construct } from 'constructs';
import { ContractProcessingPipeline } from '../src';

/** The contract-processing pattern with its defaults, and an SNS topic for its alarms. */
export class ContractPipelineStack extends Stack {
  public readonly pipeline: ContractProcessingPipeline;

  constructor(scope: Construct, id: string, props?: StackProps) {
    super(scope, id, props);
    const ops = new sns.Topic(this, 'OpsAlerts', { enforceSSL: true });
    this.pipeline = new ContractProcessingPipeline(this, 'Contracts', {
      objectKeyPrefix: 'incoming/',
      alarmTopic: ops,
    });
  }
}
