import { Stack } from 'aws-cdk-lib';
import { Annotations, Match, Template } from 'aws-cdk-lib/assertions';
import * as s3 from 'aws-cdk-lib/aws-s3';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import { nodeNamed, patternStack } from './util';
import { Flow, FlowModel } from '../../../src';
import { FlowDefinitionJson } from '../../../src/definition/schema';
import { ContractProcessingFlow, ContractProcessingFlowProps, ContractProcessingPrompts } from '../../../src/patterns';
import { PARSE_CLASSIFICATION_CODE, PARSE_SCORE_CODE } from '../../../src/patterns/contract-processing/private/inline-code';
import { FlowValidationSeverity } from '../../../src/validation/types';
import { validateFlowDefinition } from '../../../src/validation/validate';
import { HAS_PYTHON, runInlineCode as runPython } from '../../util/python';

const runInlineCode = (code: string, completion: string) => runPython(code, { completion });

/** A default flow in a stack, with a Flow so that its nodes are part of one. */
function defaultFlow(props: Partial<ContractProcessingFlowProps> = {}, stack: Stack = patternStack()) {
  const contractFlow = new ContractProcessingFlow(stack, 'Contracts', {
    documentBucket: new s3.Bucket(stack, 'Documents'),
    resultsBucket: new s3.Bucket(stack, 'Results'),
    reviewQueue: new sqs.Queue(stack, 'Review'),
    ...props,
  });
  const flow = new Flow(stack, 'Flow', { definition: contractFlow.definition });
  const definition: FlowDefinitionJson = stack.resolve(contractFlow.definition.toJson());
  return { stack, contractFlow, flow, definition };
}

/** `source.output` for each input of the node (data connections). */
function sourcesOf(definition: FlowDefinitionJson, target: string): { [input: string]: string } {
  return Object.fromEntries((definition.connections ?? [])
    .filter(c => c.type === 'Data' && c.target === target)
    .map(c => [c.configuration!.data!.targetInput, `${c.source}.${c.configuration!.data!.sourceOutput}`]));
}

/** `condition → target` for each conditional connection of the node. */
function branchesOf(definition: FlowDefinitionJson, source: string): { [condition: string]: string } {
  return Object.fromEntries((definition.connections ?? [])
    .filter(c => c.type === 'Conditional' && c.source === source)
    .map(c => [c.configuration!.conditional!.condition, c.target]));
}

/** `{ name: 'type expression' }` for each input of the node. */
function inputsOf(definition: FlowDefinitionJson, name: string): { [input: string]: string } {
  return Object.fromEntries((nodeNamed(definition, name).inputs ?? []).map(i => [i.name, `${i.type} ${i.expression}`]));
}

describe('ContractProcessingFlow', () => {
  test('has 22 nodes (3 InlineCode) and 36 connections', () => {
    // WHEN
    const { definition } = defaultFlow();

    // THEN
    const nodes = Object.fromEntries(definition.nodes!.map(n => [n.name, n.type]));
    expect(nodes).toStrictEqual({
      FlowInput: 'Input',
      ExtractText: 'LambdaFunction',
      Classify: 'Prompt',
      ParseClassification: 'InlineCode',
      IsEnglish: 'Condition',
      AnalyzeEnglish: 'Prompt',
      Translate: 'LambdaFunction',
      AnalyzeTranslated: 'Prompt',
      EnglishQualityCheck: 'Prompt',
      EnglishParseScore: 'InlineCode',
      EnglishScoreGate: 'Condition',
      EnglishSaveResult: 'Storage',
      EnglishResult: 'Output',
      EnglishSendToReview: 'LambdaFunction',
      EnglishReview: 'Output',
      TranslatedQualityCheck: 'Prompt',
      TranslatedParseScore: 'InlineCode',
      TranslatedScoreGate: 'Condition',
      TranslatedSaveResult: 'Storage',
      TranslatedResult: 'Output',
      TranslatedSendToReview: 'LambdaFunction',
      TranslatedReview: 'Output',
    });
    expect(definition.nodes).toHaveLength(22);
    expect(definition.nodes!.filter(n => n.type === 'InlineCode')).toHaveLength(3);
    expect(definition.connections).toHaveLength(36);
    expect(definition.connections!.filter(c => c.type === 'Conditional')).toHaveLength(6);
  });

  test('feeds every input from exactly one connection', () => {
    // WHEN
    const { definition } = defaultFlow();

    // THEN
    for (const node of definition.nodes!) {
      for (const input of node.inputs ?? []) {
        const feeding = definition.connections!.filter(c => c.type === 'Data' && c.target === node.name
          && c.configuration!.data!.targetInput === input.name);
        expect({ node: node.name, input: input.name, connections: feeding.length }).toEqual({ node: node.name, input: input.name, connections: 1 });
      }
    }
  });

  test('passes validation: no error, and only the warning about more than 20 connections', () => {
    // WHEN
    const { contractFlow } = defaultFlow();

    // THEN (on the unresolved definition, as the flow validates it: ARNs and bucket names are tokens)
    const findings = validateFlowDefinition(contractFlow.definition.toJson());
    expect(findings.filter(f => f.severity === FlowValidationSeverity.ERROR)).toEqual([]);
    expect(findings.map(f => f.type)).toEqual(['LimitExceeded']);
    expect(findings[0].message).toMatch(/36 connections/);
  });

  test('takes the invoker\'s Object document and extracts its text with the extract-text function', () => {
    // WHEN
    const { definition, contractFlow, stack } = defaultFlow();

    // THEN
    expect(contractFlow.inputNodeName).toBe('FlowInput');
    expect(nodeNamed(definition, 'FlowInput').outputs).toEqual([{ name: 'document', type: 'Object' }]);
    expect(nodeNamed(definition, 'ExtractText').configuration).toEqual({
      lambdaFunction: { lambdaArn: stack.resolve(contractFlow.extractTextFunction.functionArn) },
    });
    expect(inputsOf(definition, 'ExtractText')).toEqual({ document: 'Object $.data' });
    expect(sourcesOf(definition, 'ExtractText')).toEqual({ document: 'FlowInput.document' });
  });

  test('classifies the text and parses the classification with inline Python', () => {
    // WHEN
    const { definition } = defaultFlow();

    // THEN
    const classify = nodeNamed(definition, 'Classify');
    expect(classify.configuration!.prompt.sourceConfiguration.inline).toMatchObject({
      templateType: 'TEXT',
      modelId: 'us.amazon.nova-lite-v1:0',
      templateConfiguration: { text: { text: ContractProcessingPrompts.CLASSIFICATION, inputVariables: [{ name: 'text' }] } },
      inferenceConfiguration: { text: { temperature: 0, maxTokens: 200 } },
    });
    expect(inputsOf(definition, 'Classify')).toEqual({ text: 'String $.data.text' });
    expect(sourcesOf(definition, 'Classify')).toEqual({ text: 'ExtractText.functionResponse' });

    const parse = nodeNamed(definition, 'ParseClassification');
    expect(parse.configuration).toEqual({ inlineCode: { code: PARSE_CLASSIFICATION_CODE, language: 'Python_3' } });
    expect(parse.outputs).toEqual([{ name: 'response', type: 'Object' }]);
    expect(sourcesOf(definition, 'ParseClassification')).toEqual({ completion: 'Classify.modelCompletion' });
  });

  test('analyzes English contracts directly and translates the others first', () => {
    // WHEN
    const { definition, contractFlow, stack } = defaultFlow();

    // THEN
    expect(nodeNamed(definition, 'IsEnglish').configuration).toEqual({
      condition: { conditions: [{ name: 'english', expression: 'language == "en"' }, { name: 'default' }] },
    });
    expect(inputsOf(definition, 'IsEnglish')).toEqual({ language: 'String $.data.language' });
    expect(branchesOf(definition, 'IsEnglish')).toEqual({ english: 'AnalyzeEnglish', default: 'Translate' });

    expect(sourcesOf(definition, 'AnalyzeEnglish')).toEqual({ text: 'ExtractText.functionResponse', contractType: 'ParseClassification.response' });
    expect(inputsOf(definition, 'AnalyzeEnglish')).toEqual({ text: 'String $.data.text', contractType: 'String $.data.contractType' });

    expect(nodeNamed(definition, 'Translate').configuration).toEqual({
      lambdaFunction: { lambdaArn: stack.resolve(contractFlow.translateFunction.functionArn) },
    });
    expect(inputsOf(definition, 'Translate')).toEqual({ text: 'String $.data.text', sourceLanguage: 'String $.data.sourceLanguage' });
    expect(sourcesOf(definition, 'Translate')).toEqual({ text: 'ExtractText.functionResponse', sourceLanguage: 'ParseClassification.response' });
    expect(nodeNamed(definition, 'Translate').outputs).toEqual([{ name: 'functionResponse', type: 'String' }]);

    expect(sourcesOf(definition, 'AnalyzeTranslated')).toEqual({ text: 'Translate.functionResponse', contractType: 'ParseClassification.response' });
    expect(nodeNamed(definition, 'AnalyzeTranslated').configuration!.prompt.sourceConfiguration.inline).toMatchObject({
      modelId: 'us.amazon.nova-pro-v1:0',
      templateConfiguration: { text: { text: ContractProcessingPrompts.ANALYSIS } },
      inferenceConfiguration: { text: { temperature: 0.2, maxTokens: 4096 } },
    });
  });

  test.each(['English', 'Translated'])('gives the %s branch its own quality check, score gate, result and review', (prefix) => {
    // WHEN
    const { definition, contractFlow, stack } = defaultFlow();

    // THEN
    const analyze = `Analyze${prefix}.modelCompletion`;
    expect(sourcesOf(definition, `${prefix}QualityCheck`)).toEqual({ analysis: analyze });
    expect(nodeNamed(definition, `${prefix}QualityCheck`).configuration!.prompt.sourceConfiguration.inline.templateConfiguration.text.text)
      .toBe(ContractProcessingPrompts.QUALITY);

    expect(nodeNamed(definition, `${prefix}ParseScore`).configuration).toEqual({ inlineCode: { code: PARSE_SCORE_CODE, language: 'Python_3' } });
    expect(nodeNamed(definition, `${prefix}ParseScore`).outputs).toEqual([{ name: 'response', type: 'Number' }]);
    expect(sourcesOf(definition, `${prefix}ParseScore`)).toEqual({ completion: `${prefix}QualityCheck.modelCompletion` });

    expect(nodeNamed(definition, `${prefix}ScoreGate`).configuration).toEqual({
      condition: { conditions: [{ name: 'passed', expression: 'score >= 7' }, { name: 'default' }] },
    });
    expect(inputsOf(definition, `${prefix}ScoreGate`)).toEqual({ score: 'Number $.data' });
    expect(branchesOf(definition, `${prefix}ScoreGate`)).toEqual({ passed: `${prefix}SaveResult`, default: `${prefix}SendToReview` });

    expect(nodeNamed(definition, `${prefix}SaveResult`).configuration).toEqual({
      storage: { serviceConfiguration: { s3: { bucketName: stack.resolve((stack.node.findChild('Results') as s3.Bucket).bucketName) } } },
    });
    expect(inputsOf(definition, `${prefix}SaveResult`)).toEqual({ content: 'String $.data', objectKey: 'String $.data.resultKey' });
    expect(sourcesOf(definition, `${prefix}SaveResult`)).toEqual({ content: analyze, objectKey: 'FlowInput.document' });
    expect(sourcesOf(definition, `${prefix}Result`)).toEqual({ document: `${prefix}SaveResult.s3Uri` });

    expect(nodeNamed(definition, `${prefix}SendToReview`).configuration).toEqual({
      lambdaFunction: { lambdaArn: stack.resolve(contractFlow.reviewQueueFunction.functionArn) },
    });
    expect(inputsOf(definition, `${prefix}SendToReview`)).toEqual({ analysis: 'String $.data', score: 'Number $.data', document: 'Object $.data' });
    expect(sourcesOf(definition, `${prefix}SendToReview`)).toEqual({
      analysis: analyze, score: `${prefix}ParseScore.response`, document: 'FlowInput.document',
    });
    expect(sourcesOf(definition, `${prefix}Review`)).toEqual({ document: `${prefix}SendToReview.functionResponse` });
  });

  test('names the review and result outputs', () => {
    // WHEN
    const { contractFlow } = defaultFlow();

    // THEN
    expect(contractFlow.reviewOutputNodeNames).toEqual(['EnglishReview', 'TranslatedReview']);
    expect(contractFlow.resultOutputNodeNames).toEqual(['EnglishResult', 'TranslatedResult']);
  });

  test('uses the given models, threshold and prompts, connecting only the variables a prompt uses', () => {
    // WHEN
    const { definition } = defaultFlow({
      classificationModel: FlowModel.crossRegion('us.anthropic.claude-3-5-haiku-20241022-v1:0'),
      analysisModel: FlowModel.crossRegion('global.anthropic.claude-sonnet-4-5-20250929-v1:0'),
      qualityModel: FlowModel.foundationModel('amazon.nova-micro-v1:0'),
      qualityThreshold: 8.5,
      classificationPrompt: 'Classify as JSON {"contractType", "language"}: {{text}}',
      analysisPrompt: 'Analyze this contract, originally in {{language}}: {{text}}',
      qualityPrompt: 'Score this {{contractType}} analysis from 1 to 10: {{analysis}}',
    });

    // THEN
    const inline = (name: string) => nodeNamed(definition, name).configuration!.prompt.sourceConfiguration.inline;
    expect(inline('Classify').modelId).toBe('us.anthropic.claude-3-5-haiku-20241022-v1:0');
    expect(inline('AnalyzeEnglish').modelId).toBe('global.anthropic.claude-sonnet-4-5-20250929-v1:0');
    expect(inline('TranslatedQualityCheck').modelId).toBe('amazon.nova-micro-v1:0');
    expect(inputsOf(definition, 'AnalyzeEnglish')).toEqual({ language: 'String $.data.language', text: 'String $.data.text' });
    expect(inputsOf(definition, 'EnglishQualityCheck')).toEqual({ contractType: 'String $.data.contractType', analysis: 'String $.data' });
    expect(nodeNamed(definition, 'TranslatedScoreGate').configuration!.condition.conditions[0])
      .toEqual({ name: 'passed', expression: 'score >= 8.5' });
  });

  test('lets the flow role invoke the three functions, the models and write results under the prefix', () => {
    // GIVEN
    const { stack } = defaultFlow({ resultKeyPrefix: 'out/' });

    // WHEN
    const template = Template.fromStack(stack);

    // THEN
    const statements = Object.values(template.findResources('AWS::IAM::Policy'))
      .filter((p: any) => p.Properties.Roles.some((r: any) => r.Ref.startsWith('FlowRole')))
      .flatMap((p: any) => p.Properties.PolicyDocument.Statement);
    const invokes = statements.filter((s: any) => s.Action === 'lambda:InvokeFunction');
    expect(invokes).toHaveLength(1); // one statement, each function and its qualified ARNs
    expect(invokes[0].Resource).toHaveLength(6);
    const resultsBucket = stack.resolve((stack.node.findChild('Results') as s3.Bucket).bucketName);
    expect(statements).toContainEqual({
      Action: 's3:PutObject',
      Effect: 'Allow',
      Resource: { 'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, ':s3:::', resultsBucket, '/out/*']] },
    });
    const models = statements.filter((s: any) => s.Action === 'bedrock:InvokeModel');
    expect(models).toHaveLength(1);
    expect(models[0].Resource).toHaveLength(4); // two profiles and their foundation models
  });

  test('reads documents under the document prefix only, and decrypts them with the bucket key', () => {
    // GIVEN
    const stack = patternStack();
    const documentBucket = new s3.Bucket(stack, 'Encrypted', { encryption: s3.BucketEncryption.KMS });

    // WHEN
    defaultFlow({ documentBucket, documentKeyPrefix: 'incoming/' }, stack);
    const template = Template.fromStack(stack);

    // THEN
    template.hasResourceProperties('AWS::IAM::Policy', {
      Roles: [{ Ref: Match.stringLikeRegexp('^ContractsExtractTextFunctionRole') }],
      PolicyDocument: {
        Statement: Match.arrayWith([
          {
            Action: ['s3:GetObject', 's3:GetObjectVersion'],
            Effect: 'Allow',
            Resource: { 'Fn::Join': ['', [{ 'Fn::GetAtt': [Match.stringLikeRegexp('^Encrypted'), 'Arn'] }, '/incoming/*']] },
          },
          Match.objectLike({ Action: 'kms:Decrypt', Resource: { 'Fn::GetAtt': [Match.stringLikeRegexp('^EncryptedKey'), 'Arn'] } }),
        ]),
      },
    });
  });

  describe('default models', () => {
    test.each([
      ['eu-west-1', 'eu'],
      ['ap-southeast-2', 'apac'],
      ['us-west-2', 'us'],
    ])('in %s are the %s. Amazon Nova profiles', (region, geography) => {
      // WHEN
      const { definition } = defaultFlow({}, patternStack('Regional', { env: { account: '111122223333', region } }));

      // THEN
      const modelOf = (name: string) => nodeNamed(definition, name).configuration!.prompt.sourceConfiguration.inline.modelId;
      expect(modelOf('Classify')).toBe(`${geography}.amazon.nova-lite-v1:0`);
      expect(modelOf('AnalyzeTranslated')).toBe(`${geography}.amazon.nova-pro-v1:0`);
      expect(modelOf('EnglishQualityCheck')).toBe(`${geography}.amazon.nova-lite-v1:0`);
    });

    test('fall back to the us. profiles with a warning when the Region is unknown', () => {
      // WHEN
      const { definition, stack } = defaultFlow({}, patternStack('Agnostic', {}));

      // THEN
      expect(nodeNamed(definition, 'Classify').configuration!.prompt.sourceConfiguration.inline.modelId).toBe('us.amazon.nova-lite-v1:0');
      Annotations.fromStack(stack).hasWarning('/Agnostic/Contracts', Match.stringLikeRegexp('Region is not known at synth time'));
    });

    test('fall back to the us. profiles with a warning in a Region without Nova profiles', () => {
      // WHEN
      const { stack } = defaultFlow({}, patternStack('GovCloud', { env: { account: '111122223333', region: 'us-gov-west-1' } }));

      // THEN
      Annotations.fromStack(stack).hasWarning('/GovCloud/Contracts', Match.stringLikeRegexp("'us-gov-west-1' has no Amazon Nova"));
    });

    test('are not needed, and cause no warning, when all three models are given', () => {
      // WHEN
      const model = FlowModel.foundationModel('amazon.nova-micro-v1:0');
      const { stack } = defaultFlow({ classificationModel: model, analysisModel: model, qualityModel: model }, patternStack('Agnostic', {}));

      // THEN
      Annotations.fromStack(stack).hasNoWarning('/Agnostic/Contracts', Match.anyValue());
    });
  });

  describe('fails', () => {
    test.each([
      [{ classificationPrompt: 'Classify this contract.' }, /classificationPrompt must use the variable \{\{text\}\}/],
      [{ analysisPrompt: 'Analyze {{text}} for {{party}}' },
        /analysisPrompt uses \{\{party\}\}; it may use only \{\{text\}\}, \{\{contractType\}\}, \{\{language\}\}/],
      [{ qualityPrompt: 'Score {{text}}' }, /qualityPrompt must use the variable \{\{analysis\}\}/],
      [{ qualityThreshold: 0 }, /qualityThreshold must be between 1 and 10/],
      [{ qualityThreshold: 11 }, /qualityThreshold must be between 1 and 10/],
      [{ maxTextCharacters: 0 }, /maxTextCharacters must be a positive whole number/],
      [{ maxTextCharacters: 1.5 }, /maxTextCharacters must be a positive whole number/],
    ])('with %j', (props, message) => {
      expect(() => defaultFlow(props as Partial<ContractProcessingFlowProps>)).toThrow(message);
    });
  });
});


(HAS_PYTHON ? describe : describe.skip)('the inline Python code', () => {
  test.each([
    ['{"contractType": "NDA", "language": "en"}', { contractType: 'NDA', language: 'en', sourceLanguage: 'en' }],
    ['Here it is:\n```json\n{"contractType": "lease", "language": "DE"}\n```', { contractType: 'lease', language: 'de', sourceLanguage: 'de' }],
    ['{"contractType": "SOW", "language": "fr_CA"}', { contractType: 'SOW', language: 'fr', sourceLanguage: 'fr' }],
    ['{"contractType": "MSA", "language": "English"}', { contractType: 'MSA', language: 'en', sourceLanguage: 'en' }],
    ['{"note": {"a": 1}} and then {"contractType": "loan", "language": "pt-BR"}', { contractType: 'loan', language: 'pt', sourceLanguage: 'pt' }],
    ['{"contractType": "NDA", "language": "??"}', { contractType: 'NDA', language: 'unknown', sourceLanguage: 'auto' }],
    ['I cannot tell.', { contractType: 'unknown', language: 'unknown', sourceLanguage: 'auto' }],
  ])('parses the classification %j', (completion, expected) => {
    expect(runInlineCode(PARSE_CLASSIFICATION_CODE, completion)).toEqual(expected);
  });

  test.each([
    ['{"score": 8, "reason": "complete"}', 8],
    ['```json\n{"score": "6.5", "reason": "vague {risks}"}\n```', 6.5],
    ['Score: 9/10', 9],
    ['I would rate it 4 out of 10.', 4],
    ['{"score": 42}', 10],
    ['{"score": -3}', 0],
    ['No idea.', 0],
  ])('parses the score %j', (completion, expected) => {
    expect(runInlineCode(PARSE_SCORE_CODE, completion)).toBe(expected);
  });
});
