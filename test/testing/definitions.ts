/*
 * Small builders of plain JSON definitions (API shape) for the simulator tests, so the tests do not
 * depend on the builder's node classes.
 */
import { FlowConnectionJson, FlowDefinitionJson, FlowNodeInputJson, FlowNodeJson } from '../../src/definition/schema';

/** `[name, type, expression = '$.data', category?]` */
export type Port = [name: string, type: string, expression?: string, category?: string];

export const MODEL_ID = 'anthropic.claude-3-haiku-20240307-v1:0';
export const LAMBDA_ARN = 'arn:aws:lambda:us-east-1:111122223333:function:enrich';

function inputs(ports: Port[]): FlowNodeInputJson[] {
  return ports.map(([name, type, expression = '$.data', category]) => ({ name, type, expression, ...(category ? { category } : {}) }));
}

export function inputNode(type = 'Object', name = 'FlowInput'): FlowNodeJson {
  return { name, type: 'Input', configuration: { input: {} }, outputs: [{ name: 'document', type }] };
}

export function outputNode(name: string, type = 'String', expression = '$.data'): FlowNodeJson {
  return { name, type: 'Output', configuration: { output: {} }, inputs: inputs([['document', type, expression]]) };
}

export function promptNode(name: string, text: string, ports: Port[], modelId = MODEL_ID): FlowNodeJson {
  const variables = [...new Set([...text.matchAll(/\{\{\s*([^{}\s]+)\s*\}\}/g)].map(m => m[1]))];
  return {
    name,
    type: 'Prompt',
    configuration: {
      prompt: {
        sourceConfiguration: {
          inline: {
            templateType: 'TEXT',
            templateConfiguration: { text: { text, ...(variables.length > 0 ? { inputVariables: variables.map(v => ({ name: v })) } : {}) } },
            modelId,
          },
        },
      },
    },
    inputs: inputs(ports),
    outputs: [{ name: 'modelCompletion', type: 'String' }],
  };
}

export function managedPromptNode(name: string, promptArn: string, ports: Port[]): FlowNodeJson {
  return {
    name,
    type: 'Prompt',
    configuration: { prompt: { sourceConfiguration: { resource: { promptArn } } } },
    inputs: inputs(ports),
    outputs: [{ name: 'modelCompletion', type: 'String' }],
  };
}

export function lambdaNode(name: string, ports: Port[], responseType = 'Object', lambdaArn = LAMBDA_ARN): FlowNodeJson {
  return {
    name,
    type: 'LambdaFunction',
    configuration: { lambdaFunction: { lambdaArn } },
    inputs: inputs(ports),
    outputs: [{ name: 'functionResponse', type: responseType }],
  };
}

export function inlineCodeNode(name: string, code: string, ports: Port[], responseType = 'Object'): FlowNodeJson {
  return {
    name,
    type: 'InlineCode',
    configuration: { inlineCode: { code, language: 'Python_3' } },
    inputs: inputs(ports),
    outputs: [{ name: 'response', type: responseType }],
  };
}

/** A Condition node; the `default` condition is added at the end. */
export function conditionNode(name: string, ports: Port[], conditions: [name: string, expression: string][]): FlowNodeJson {
  return {
    name,
    type: 'Condition',
    configuration: { condition: { conditions: [...conditions.map(([n, expression]) => ({ name: n, expression })), { name: 'default' }] } },
    inputs: inputs(ports),
  };
}

export function iteratorNode(name: string, itemType = 'Object', expression = '$.data'): FlowNodeJson {
  return {
    name,
    type: 'Iterator',
    configuration: { iterator: {} },
    inputs: inputs([['array', 'Array', expression]]),
    outputs: [{ name: 'arrayItem', type: itemType }, { name: 'arraySize', type: 'Number' }],
  };
}

export function collectorNode(name: string, itemType = 'Object'): FlowNodeJson {
  return {
    name,
    type: 'Collector',
    configuration: { collector: {} },
    inputs: inputs([['arrayItem', itemType], ['arraySize', 'Number']]),
    outputs: [{ name: 'collectedArray', type: 'Array' }],
  };
}

export function agentNode(name: string, expression = '$.data'): FlowNodeJson {
  return {
    name,
    type: 'Agent',
    configuration: { agent: { agentAliasArn: 'arn:aws:bedrock:us-east-1:111122223333:agent-alias/AGENT12345/ALIAS12345' } },
    inputs: inputs([['agentInputText', 'String', expression]]),
    outputs: [{ name: 'agentResponse', type: 'String' }],
  };
}

export function knowledgeBaseNode(name: string, modelId?: string): FlowNodeJson {
  return {
    name,
    type: 'KnowledgeBase',
    configuration: { knowledgeBase: { knowledgeBaseId: 'KB12345678', numberOfResults: 3, ...(modelId ? { modelId } : {}) } },
    inputs: inputs([['retrievalQuery', 'String']]),
    outputs: [modelId ? { name: 'outputText', type: 'String' } : { name: 'retrievalResults', type: 'Array' }],
  };
}

export function lexNode(name: string): FlowNodeJson {
  return {
    name,
    type: 'Lex',
    configuration: { lex: { botAliasArn: 'arn:aws:lex:us-east-1:111122223333:bot-alias/BOTID12345/ALIAS12345', localeId: 'en_US' } },
    inputs: inputs([['inputText', 'String']]),
    outputs: [{ name: 'predictedIntent', type: 'String' }],
  };
}

export function storageNode(name: string, bucketName: string, content: Port, objectKey: Port): FlowNodeJson {
  return {
    name,
    type: 'Storage',
    configuration: { storage: { serviceConfiguration: { s3: { bucketName } } } },
    inputs: inputs([content, objectKey]),
    outputs: [{ name: 's3Uri', type: 'String' }],
  };
}

export function retrievalNode(name: string, bucketName: string, objectKey: Port): FlowNodeJson {
  return {
    name,
    type: 'Retrieval',
    configuration: { retrieval: { serviceConfiguration: { s3: { bucketName } } } },
    inputs: inputs([objectKey]),
    outputs: [{ name: 's3Content', type: 'String' }],
  };
}

/** A data connection `source.sourceOutput → target.targetInput`. */
export function data(source: string, sourceOutput: string, target: string, targetInput: string): FlowConnectionJson {
  return {
    name: `${source}_${sourceOutput}_${target}_${targetInput}`,
    type: 'Data',
    source,
    target,
    configuration: { data: { sourceOutput, targetInput } },
  };
}

/** A conditional connection: `condition` of Condition node `source` activates `target`. */
export function when(source: string, condition: string, target: string): FlowConnectionJson {
  return { name: `${source}_${condition}_${target}`, type: 'Conditional', source, target, configuration: { conditional: { condition } } };
}

export function flow(nodes: FlowNodeJson[], connections: FlowConnectionJson[]): FlowDefinitionJson {
  return { nodes, connections };
}
