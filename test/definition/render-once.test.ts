import { Template } from 'aws-cdk-lib/assertions';
import {
  ConditionNode, Flow, FlowCondition, FlowDataType, FlowDefinition, FlowModel, InputNode, OutputNode, PromptNode,
} from '../../src';
import { testStack } from '../util/render';

const HAIKU = FlowModel.foundationModel('anthropic.claude-3-haiku-20240307-v1:0');

describe('rendering a builder definition', () => {
  test('is shared while the graph does not change, and done again after any change', () => {
    // GIVEN
    const stack = testStack();
    const doc = new InputNode(stack, 'Doc', { type: FlowDataType.NUMBER });
    const gate = new ConditionNode(stack, 'Gate', { inputs: { size: doc.document } });
    const definition = FlowDefinition.fromChainable(doc.next(gate));

    // WHEN / THEN the same rendering until something is connected
    const first = definition._render();
    expect(definition._render()).toBe(first);
    expect(first).toEqual(definition.toJson());
    expect(definition.toJson()).not.toBe(definition.toJson());

    gate.when('Big', FlowCondition.greaterThan('size', 100), new OutputNode(stack, 'BigOut', { document: doc.document }));
    const second = definition._render();
    expect(second).not.toBe(first);
    expect(second.nodes.map((n: any) => n.name)).toEqual(['Doc', 'Gate', 'BigOut']);

    gate.otherwise(new OutputNode(stack, 'SmallOut', { document: doc.document }));
    expect(definition._render().connections.map((c: any) => c.name)).toContain('Gate_default_SmallOut');
  });

  test('the template, the validation and the permissions see the same rendering', () => {
    // GIVEN
    const stack = testStack();
    const doc = new InputNode(stack, 'Question', { type: FlowDataType.STRING });
    const answer = new PromptNode(stack, 'Answer', { model: HAIKU, template: 'Answer: {{question}}' });
    const flow = new Flow(stack, 'Flow', { definition: FlowDefinition.fromChainable(doc.next(answer).next(new OutputNode(stack, 'Out'))) });
    const renderNode = jest.spyOn(answer, '_renderNode');

    // WHEN
    const template = Template.fromStack(stack);

    // THEN the node was rendered once, for all three
    expect(renderNode).toHaveBeenCalledTimes(1);
    template.hasResourceProperties('AWS::Bedrock::Flow', { Definition: { Nodes: [{ Name: 'Question' }, { Name: 'Answer' }, { Name: 'Out' }] } });
    expect(flow.definition._render()).toBe(flow.definition._render());
  });
});
