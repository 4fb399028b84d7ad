import { Template } from 'aws-cdk-lib/assertions';
import {
  ConditionNode, Flow, FlowCondition, FlowDataType, FlowDefinition, FlowModel, InputNode, LoopNode, OutputNode, PromptNode,
} from '../../src';
import { renderDefinition, testStack } from '../util/render';

function scoreGate() {
  const stack = testStack();
  const doc = new InputNode(stack, 'Doc');
  const gate = new ConditionNode(stack, 'Gate', {
    inputs: {
      score: doc.document.at('$.data.score', FlowDataType.NUMBER),
      channel: doc.document.at('$.data.channel', FlowDataType.STRING),
    },
  });
  return { stack, doc, gate };
}

describe('ConditionNode', () => {
  test('renders ordered conditions, the default condition and the conditional connections', () => {
    // GIVEN
    const { stack, doc, gate } = scoreGate();
    const urgent = new OutputNode(stack, 'Urgent', { document: doc.document });
    const phone = new OutputNode(stack, 'Phone', { document: doc.document });
    const rest = new OutputNode(stack, 'Rest', { document: doc.document });

    // WHEN
    gate.when('High', FlowCondition.greaterThanOrEqualTo('score', 8), urgent)
      .when('ByPhone', FlowCondition.equalTo('channel', 'phone'), phone)
      .otherwise(rest);

    // THEN
    const definition = renderDefinition(stack, doc);
    expect(definition.nodes!.find(n => n.name === 'Gate')).toStrictEqual({
      name: 'Gate',
      type: 'Condition',
      configuration: {
        condition: {
          conditions: [
            { name: 'High', expression: 'score >= 8' },
            { name: 'ByPhone', expression: 'channel == "phone"' },
            { name: 'default' },
          ],
        },
      },
      inputs: [
        { name: 'score', type: 'Number', expression: '$.data.score' },
        { name: 'channel', type: 'String', expression: '$.data.channel' },
      ],
    });
    expect(definition.connections!.filter(c => c.type === 'Conditional')).toStrictEqual([
      { name: 'Gate_High_Urgent', type: 'Conditional', source: 'Gate', target: 'Urgent', configuration: { conditional: { condition: 'High' } } },
      { name: 'Gate_ByPhone_Phone', type: 'Conditional', source: 'Gate', target: 'Phone', configuration: { conditional: { condition: 'ByPhone' } } },
      { name: 'Gate_default_Rest', type: 'Conditional', source: 'Gate', target: 'Rest', configuration: { conditional: { condition: 'default' } } },
    ]);
  });

  test('renders the default condition even without otherwise()', () => {
    const { stack, doc, gate } = scoreGate();
    gate.when('High', FlowCondition.greaterThan('score', 8), new OutputNode(stack, 'Urgent', { document: doc.document }));
    const conditions = renderDefinition(stack, doc).nodes!.find(n => n.name === 'Gate')!.configuration!.condition.conditions;
    expect(conditions).toEqual([{ name: 'High', expression: 'score > 8' }, { name: 'default' }]);
  });

  test('throws when a condition refers to a name that is not an input', () => {
    const { stack, doc, gate } = scoreGate();
    expect(() => gate.when('High', FlowCondition.greaterThan('priority', 8), new OutputNode(stack, 'Out', { document: doc.document })))
      .toThrow("Condition node 'Gate', condition 'High': 'priority > 8' refers to 'priority', which is not an input of the node (inputs: score, channel)");
  });

  test('throws on a duplicate name, a duplicate expression, a reserved name and a second otherwise()', () => {
    const { stack, doc, gate } = scoreGate();
    const out = () => new OutputNode(stack, `Out${Math.random().toString(36).slice(2, 8)}`, { document: doc.document });
    gate.when('High', FlowCondition.greaterThan('score', 8), out());
    expect(() => gate.when('High', FlowCondition.greaterThan('score', 9), out())).toThrow(/already has a condition named 'High'/);
    expect(() => gate.when('Again', FlowCondition.greaterThan('score', 8), out())).toThrow(/has the same expression as 'High'/);
    expect(() => gate.when('default', FlowCondition.greaterThan('score', 1), out())).toThrow(/'default' is reserved for otherwise\(\)/);
    gate.otherwise(out());
    expect(() => gate.otherwise(out())).toThrow(/already has an otherwise\(\) branch/);
  });

  test('throws on the fifth condition besides default', () => {
    const { stack, doc, gate } = scoreGate();
    for (let i = 1; i <= 4; i++) {
      gate.when(`Over${i}`, FlowCondition.greaterThan('score', i), new OutputNode(stack, `Out${i}`, { document: doc.document }));
    }
    expect(() => gate.when('Over5', FlowCondition.greaterThan('score', 5), new OutputNode(stack, 'Out5', { document: doc.document })))
      .toThrow(/can have at most 4 conditions besides 'default'/);
  });

  test('throws when a branch goes into a loop body', () => {
    const { stack, doc, gate } = scoreGate();
    const loop = new LoopNode(stack, 'Refine', { inputs: { draft: doc.document.at('$.data.draft', FlowDataType.STRING) } });
    const inner = new PromptNode(loop, 'Improve', {
      model: FlowModel.foundationModel('amazon.nova-lite-v1:0'),
      template: 'Improve {{draft}}',
      inputs: { draft: loop.loopInput.output('draft') },
    });
    expect(() => gate.when('High', FlowCondition.greaterThan('score', 8), inner))
      .toThrow("Condition node 'Gate' cannot branch to node 'Improve' in the body of Loop node 'Refine': a connection cannot cross a loop boundary");
  });

  test('throws without inputs', () => {
    const stack = testStack();
    expect(() => new ConditionNode(stack, 'Gate', { inputs: {} })).toThrow(/needs at least one input/);
  });

  test('a flow with a condition synthesizes and needs no permissions for it', () => {
    const { stack, doc, gate } = scoreGate();
    gate.when('High', FlowCondition.greaterThan('score', 8), new OutputNode(stack, 'Urgent', { document: doc.document }))
      .otherwise(new OutputNode(stack, 'Rest', { document: doc.document }));
    new Flow(stack, 'Flow', { definition: FlowDefinition.fromChainable(doc) });
    const template = Template.fromStack(stack);
    template.resourceCountIs('AWS::Bedrock::Flow', 1);
    template.resourceCountIs('AWS::IAM::Policy', 0);
  });
});
