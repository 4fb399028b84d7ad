import * as path from 'path';
import { App, Lazy } from 'aws-cdk-lib';
import { Annotations, Match, Template } from 'aws-cdk-lib/assertions';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as s3 from 'aws-cdk-lib/aws-s3';
import { Flow, FlowDefinition, validateFlowDefinition } from '../../src';
import { testStack } from '../util/render';
import { fixture } from '../validation/util';

const FIXTURES = path.join(__dirname, '..', 'fixtures');

/** The statements of the flow role's default policy. */
function statements(template: Template): any[] {
  const policies = template.findResources('AWS::IAM::Policy');
  return Object.values(policies).flatMap((p: any) => p.Properties.PolicyDocument.Statement);
}

/** The statement that allows `action` (exactly one). */
function statementFor(template: Template, action: string): any {
  const found = statements(template).filter(s => ([] as string[]).concat(s.Action).includes(action));
  expect(found).toHaveLength(1);
  return found[0];
}

describe('FlowDefinition.fromJson / fromFile (imports)', () => {
  test('a GetFlow / console export is unwrapped to its definition', () => {
    const exported = fixture('console-export');
    const json = FlowDefinition.fromJson(exported).toJson();
    expect(json).toEqual(exported.definition);
    expect(FlowDefinition.fromFile(path.join(FIXTURES, 'console-export.json')).toJson()).toEqual(exported.definition);
  });

  test('a bare definition is taken as it is', () => {
    expect(FlowDefinition.fromJson(fixture('example-a-rag')).toJson()).toEqual(fixture('example-a-rag'));
  });

  test('substitutions replace placeholders, keeping the value as it is when the placeholder is the whole string', () => {
    const json = FlowDefinition.fromJson({
      nodes: [{ name: 'A', type: 'Input', configuration: { input: {} }, outputs: [{ name: 'document', type: 'String' }] }],
      connections: [],
      extra: { whole: '${Count}', inside: 'n=${Count}', unknown: '${Other}' },
    }, { substitutions: { Count: 3 } }).toJson();
    expect(json.extra).toEqual({ whole: 3, inside: 'n=3', unknown: '${Other}' });
  });

  test('token objects in the JSON (Lazy.any, references) stay tokens, and a substitution may be one', () => {
    // GIVEN a definition holding a token object, and a substitution whose value is another
    const arn = Lazy.any({ produce: () => 'arn:aws:lambda:us-east-1:111122223333:function:f' });
    const fromSubstitution = Lazy.any({ produce: () => 'arn:aws:lambda:us-east-1:111122223333:function:g' });
    const def = fixture('example-b-condition-routing');
    def.nodes.find((n: any) => n.name === 'Escalate').configuration.lambdaFunction.lambdaArn = arn;
    def.extra = '${Other}';

    // WHEN
    const json = FlowDefinition.fromJson(def, { substitutions: { Other: fromSubstitution } }).toJson();

    // THEN the same objects, not copies of their fields
    expect(json.nodes.find((n: any) => n.name === 'Escalate').configuration.lambdaFunction.lambdaArn).toBe(arn);
    expect(json.extra).toBe(fromSubstitution);
    expect(validateFlowDefinition(json).filter(f => f.type === 'InvalidConfigurationValue')).toEqual([]);
  });

  test('fromFile names the file when it cannot be read or parsed', () => {
    expect(() => FlowDefinition.fromFile(path.join(FIXTURES, 'missing.json'))).toThrow(/cannot read flow definition file '.*missing.json'/);
    expect(() => FlowDefinition.fromFile(__filename)).toThrow(/flow definition file '.*' is not valid JSON/);
  });

  test('an imported console export gets the role permissions its nodes need, with substitutions supplying tokens', () => {
    // GIVEN
    const stack = testStack();
    const enrich = new lambda.Function(stack, 'Enrich', {
      runtime: lambda.Runtime.NODEJS_22_X,
      handler: 'index.handler',
      code: lambda.Code.fromInline('exports.handler = async () => ({})'),
    });
    const replies = new s3.Bucket(stack, 'Replies');

    // WHEN
    new Flow(stack, 'Flow', {
      definition: FlowDefinition.fromFile(path.join(FIXTURES, 'console-export.json'), {
        substitutions: { EnrichFunctionArn: enrich.functionArn, ReplyBucket: replies.bucketName, PolicyBucket: 'support-policies' },
      }),
    });

    // THEN
    const template = Template.fromStack(stack);
    const enrichArn = { 'Fn::GetAtt': [stack.getLogicalId(enrich.node.defaultChild as lambda.CfnFunction), 'Arn'] };
    expect(statementFor(template, 'lambda:InvokeFunction').Resource).toEqual([enrichArn, { 'Fn::Join': ['', [enrichArn, ':*']] }]);
    expect(statementFor(template, 's3:PutObject').Resource).toEqual({
      'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, ':s3:::', { Ref: stack.getLogicalId(replies.node.defaultChild as s3.CfnBucket) }, '/*']],
    });
    expect(statementFor(template, 's3:GetObject').Resource).toEqual({ 'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, ':s3:::support-policies/*']] });
    expect(statementFor(template, 'bedrock:RenderPrompt').Resource).toBe('arn:aws:bedrock:us-east-1:111122223333:prompt/PROMPT1234:2');
    expect(statementFor(template, 'bedrock:InvokeAgent').Resource).toBe('arn:aws:bedrock:us-east-1:111122223333:agent-alias/AGENT12345/ALIAS12345');
    expect(statementFor(template, 'lex:RecognizeUtterance').Resource).toBe('arn:aws:lex:us-east-1:111122223333:bot-alias/BOTID12345/ALIAS12345');
    expect(statementFor(template, 'bedrock:Retrieve').Resource).toEqual({
      'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, ':bedrock:us-east-1:111122223333:knowledge-base/KB12345678']],
    });
    expect(statementFor(template, 'bedrock:ApplyGuardrail').Resource).toEqual({
      'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, ':bedrock:us-east-1:111122223333:guardrail/abcd1234efgh']],
    });
    const invokeModel = statements(template).filter(s => ([] as string[]).concat(s.Action).includes('bedrock:InvokeModel'));
    expect(JSON.stringify(invokeModel)).toContain('foundation-model/anthropic.claude-3-haiku-20240307-v1:0');
    expect(JSON.stringify(invokeModel)).toContain('arn:aws:bedrock:us-east-1:111122223333:inference-profile/us.amazon.nova-pro-v1:0');
    // the definition is deployed with the tokens in place of the placeholders
    template.hasResourceProperties('AWS::Bedrock::Flow', {
      Definition: {
        Nodes: Match.arrayWith([Match.objectLike({ Name: 'Enrich', Configuration: { LambdaFunction: { LambdaArn: enrichArn } } })]),
      },
    });
  });

  test.each([
    ['example-a-rag', 'bedrock:Retrieve', { 'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, ':bedrock:us-east-1:111122223333:knowledge-base/KB12345678']] }],
    ['example-b-condition-routing', 'bedrock:InvokeAgent', 'arn:aws:bedrock:us-east-1:111122223333:agent-alias/AGENT12345/ALIAS12345'],
    ['example-c-iterator-collector', 'lambda:InvokeFunction', [
      'arn:aws:lambda:us-east-1:111122223333:function:extract-fields', 'arn:aws:lambda:us-east-1:111122223333:function:extract-fields:*',
    ]],
    ['example-d-lex-retrieval', 'bedrock:RenderPrompt', ['arn:aws:bedrock:us-east-1:111122223333:prompt/PROMPT6789', 'arn:aws:bedrock:us-east-1:111122223333:prompt/PROMPT6789:*']],
    ['example-e-loop', 'bedrock:InvokeModel', { 'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, ':bedrock:us-east-1::foundation-model/anthropic.claude-3-haiku-20240307-v1:0']] }],
  ])('imported %s synthesizes, and the role names the resources of its nodes (%s)', (name, action, resource) => {
    const stack = testStack();
    new Flow(stack, 'Flow', { definition: FlowDefinition.fromFile(path.join(FIXTURES, `${name}.json`)) });
    const template = Template.fromStack(stack);
    expect(statementFor(template, action).Resource).toEqual(resource);
    expect(validateFlowDefinition(fixture(name))).toEqual([]);
  });

  test('an imported definition fails synth with the rule, the node and the fix', () => {
    const stack = testStack();
    new Flow(stack, 'Flow', { definition: FlowDefinition.fromFile(path.join(FIXTURES, 'invalid-rag.json')) });
    expect(() => App.of(stack)!.synth()).toThrow(
      /\[TestStack\/Flow\] UnknownConnectionSourceOutput: connection 'ChunksToAnswer' reads output 'results' of node 'FindChunks'.*use one of those as sourceOutput/,
    );
  });

  test('a placeholder without a substitution fails synth', () => {
    const stack = testStack();
    new Flow(stack, 'Flow', { definition: FlowDefinition.fromFile(path.join(FIXTURES, 'console-export.json'), { substitutions: { PolicyBucket: 'p', ReplyBucket: 'r' } }) });
    expect(() => App.of(stack)!.synth()).toThrow(/UnresolvedPlaceholder: node 'Enrich' still holds the placeholder '\$\{EnrichFunctionArn\}'/);
  });

  test('warnings of an imported definition become annotations', () => {
    const stack = testStack();
    const def = fixture('example-a-rag');
    def.nodes[2].inputs[1].type = 'String'; // retrievalResults (Array) passed whole into a String input
    new Flow(stack, 'Flow', { definition: FlowDefinition.fromJson(def) });
    Annotations.fromStack(stack).hasWarning('/TestStack/Flow', Match.stringLikeRegexp('IncompatibleConnectionDataType: connection \'ChunksToAnswer\''));
  });
});
