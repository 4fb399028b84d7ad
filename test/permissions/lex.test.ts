import { CTX, expectFlowStatements } from './helpers';
import { FlowDataType, InputNode, LexNode, OutputNode } from '../../src';
import { deriveFlowPermissions } from '../../src/permissions';
import { testStack } from '../util/render';

const BOT_ALIAS_ARN = 'arn:aws:lex:us-east-1:111122223333:bot-alias/BOTID12345/ALIAS12345';

describe('Lex node permissions', () => {
  test('grants lex:RecognizeUtterance on the bot alias only', () => {
    // GIVEN
    const stack = testStack();
    const input = new InputNode(stack, 'FlowInput', { type: FlowDataType.STRING });
    const lex = new LexNode(stack, 'DetectIntent', { botAliasArn: BOT_ALIAS_ARN, localeId: 'en_US' });

    // WHEN / THEN
    expectFlowStatements(stack, input.next(lex).next(new OutputNode(stack, 'Out')), [
      { Action: 'lex:RecognizeUtterance', Resource: BOT_ALIAS_ARN },
    ]);
  });

  test('derives the same permission from a JSON definition', () => {
    const definition = { nodes: [{ name: 'DetectIntent', type: 'Lex', configuration: { lex: { botAliasArn: BOT_ALIAS_ARN, localeId: 'en_US' } } }] };
    expect(deriveFlowPermissions(definition, CTX).map(p => [p.actions, p.resources])).toStrictEqual([
      [['lex:RecognizeUtterance'], [BOT_ALIAS_ARN]],
    ]);
  });

  test('derives nothing from a Lex node without a bot alias ARN', () => {
    expect(deriveFlowPermissions({ nodes: [{ name: 'L1', type: 'Lex', configuration: { lex: { localeId: 'en_US' } } }] }, CTX)).toStrictEqual([]);
  });
});
