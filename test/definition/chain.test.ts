import * as lambda from 'aws-cdk-lib/aws-lambda';
import {
  ConditionNode, FlowChain, FlowCondition, FlowDataType, FlowModel, InputNode, LambdaFunctionNode, OutputNode, PromptNode,
} from '../../src';
import { renderDefinition, testStack } from '../util/render';

const MODEL = FlowModel.foundationModel('anthropic.claude-3-haiku-20240307-v1:0');

function fn(scope: any, id = 'Fn') {
  return lambda.Function.fromFunctionArn(scope, id, `arn:aws:lambda:us-east-1:111122223333:function:${id.toLowerCase()}`);
}

describe('chaining nodes', () => {
  test('next() connects the single output to the single unbound input', () => {
    // GIVEN
    const stack = testStack();
    const input = new InputNode(stack, 'Question', { type: FlowDataType.STRING });
    const prompt = new PromptNode(stack, 'Answer', { model: MODEL, template: 'Answer: {{question}}' });
    const output = new OutputNode(stack, 'Result');

    // WHEN
    const chain = input.next(prompt).next(output);

    // THEN
    expect(renderDefinition(stack, chain)).toStrictEqual({
      nodes: [
        { name: 'Question', type: 'Input', configuration: { input: {} }, outputs: [{ name: 'document', type: 'String' }] },
        {
          name: 'Answer',
          type: 'Prompt',
          configuration: {
            prompt: {
              sourceConfiguration: {
                inline: {
                  templateType: 'TEXT',
                  templateConfiguration: { text: { text: 'Answer: {{question}}', inputVariables: [{ name: 'question' }] } },
                  modelId: 'anthropic.claude-3-haiku-20240307-v1:0',
                },
              },
            },
          },
          inputs: [{ name: 'question', type: 'String', expression: '$.data' }],
          outputs: [{ name: 'modelCompletion', type: 'String' }],
        },
        {
          name: 'Result',
          type: 'Output',
          configuration: { output: {} },
          inputs: [{ name: 'document', type: 'String', expression: '$.data' }],
        },
      ],
      connections: [
        {
          name: 'Question_Answer_question',
          type: 'Data',
          source: 'Question',
          target: 'Answer',
          configuration: { data: { sourceOutput: 'document', targetInput: 'question' } },
        },
        {
          name: 'Answer_Result_document',
          type: 'Data',
          source: 'Answer',
          target: 'Result',
          configuration: { data: { sourceOutput: 'modelCompletion', targetInput: 'document' } },
        },
      ],
    });
  });

  test('next() accepts a node that already reads from the previous node', () => {
    const stack = testStack();
    const doc = new InputNode(stack, 'Doc');
    const prompt = new PromptNode(stack, 'Summarize', {
      model: MODEL,
      template: 'Summarize {{text}}',
      inputs: { text: doc.document.at('$.data.text', FlowDataType.STRING) },
    });
    const definition = renderDefinition(stack, doc.next(prompt).next(new OutputNode(stack, 'Out')));
    expect(definition.connections).toHaveLength(2);
    expect(definition.nodes![1].inputs).toStrictEqual([{ name: 'text', type: 'String', expression: '$.data.text' }]);
  });

  test('next() into a Lambda function node without inputs adds an input named after the output', () => {
    const stack = testStack();
    const doc = new InputNode(stack, 'Doc');
    const enrich = new LambdaFunctionNode(stack, 'Enrich', { lambdaFunction: fn(stack) });
    const definition = renderDefinition(stack, doc.next(enrich).next(new OutputNode(stack, 'Out')));
    expect(definition.nodes![1].inputs).toStrictEqual([{ name: 'document', type: 'Object', expression: '$.data' }]);
  });

  test('throws when the next node has several unbound inputs', () => {
    const stack = testStack();
    const doc = new InputNode(stack, 'Doc');
    const prompt = new PromptNode(stack, 'Compare', { model: MODEL, template: '{{left}} vs {{right}}' });
    expect(() => doc.next(prompt)).toThrow(/it has 2 unbound inputs \(left, right\); bind them with its `inputs` property/);
  });

  test('throws when the next node is fully bound and does not read the previous node', () => {
    const stack = testStack();
    const doc = new InputNode(stack, 'Doc');
    const other = new InputNode(stack, 'Other');
    const out = new OutputNode(stack, 'Out', { document: other.document });
    expect(() => doc.next(out)).toThrow(/all its inputs are already bound and none reads from 'Doc'/);
  });

  test('throws when a second node is chained into an input that is already bound', () => {
    const stack = testStack();
    const first = new InputNode(stack, 'First');
    const out = new OutputNode(stack, 'Out');
    const prompt = new PromptNode(stack, 'Ask', { model: MODEL, template: '{{text}}', inputs: { text: first.document } });
    first.next(out);
    expect(() => prompt.next(out)).toThrow(/all its inputs are already bound and none reads from 'Ask'/);
  });

  test('an output fans out to several inputs', () => {
    const stack = testStack();
    const doc = new InputNode(stack, 'Doc', { type: FlowDataType.STRING });
    doc.next(new OutputNode(stack, 'Left'));
    doc.next(new OutputNode(stack, 'Right'));
    const definition = renderDefinition(stack, doc);
    expect(definition.connections!.map(c => c.target)).toEqual(['Left', 'Right']);
  });

  test('an output node ends the chain', () => {
    const stack = testStack();
    const doc = new InputNode(stack, 'Doc');
    const chain = FlowChain.start(doc).next(new OutputNode(stack, 'Out'));
    expect(() => chain.next(new OutputNode(stack, 'More'))).toThrow(/its last element 'Out' has no output to continue from/);
  });

  test('a condition node cannot be continued with next()', () => {
    const stack = testStack();
    const doc = new InputNode(stack, 'Doc', { type: FlowDataType.NUMBER });
    const gate = new ConditionNode(stack, 'Gate', { inputs: { size: doc.document } });
    const chain = doc.next(gate);
    expect(chain.endNodes).toEqual([]);
    expect(() => chain.next(new OutputNode(stack, 'Out'))).toThrow(/last element 'Gate' has no output/);
  });

  test('the graph includes nodes reached through inputs in both directions and branches', () => {
    // GIVEN a chain that starts at the output: the input is found through the output's input
    const stack = testStack();
    const doc = new InputNode(stack, 'Doc', { type: FlowDataType.NUMBER });
    const gate = new ConditionNode(stack, 'Gate', { inputs: { size: doc.document } })
      .when('Big', FlowCondition.greaterThan('size', 10), new OutputNode(stack, 'BigOut', { document: doc.document }))
      .otherwise(new OutputNode(stack, 'SmallOut', { document: doc.document }));

    // WHEN
    const definition = renderDefinition(stack, gate);

    // THEN
    expect(definition.nodes!.map(n => n.name).sort()).toEqual(['BigOut', 'Doc', 'Gate', 'SmallOut']);
  });

  test('FlowChain.sequence and custom keep start and end nodes', () => {
    const stack = testStack();
    const doc = new InputNode(stack, 'Doc');
    const enrich = new LambdaFunctionNode(stack, 'Enrich', { lambdaFunction: fn(stack) });
    doc.next(enrich);
    const seq = FlowChain.sequence(doc, enrich);
    expect(seq.startNode).toBe(doc);
    expect(seq.endNodes).toEqual([enrich]);
    const custom = FlowChain.custom(doc, [enrich], enrich);
    expect(custom.id).toBe('Enrich');
  });
});
