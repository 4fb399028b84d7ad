import { isUnresolved } from '../../private/tokens';
import type { PromptInferenceConfiguration } from '../prompt-node';

/**
 * Checks inference parameters against what CloudFormation accepts (shared by Prompt and
 * KnowledgeBase nodes): temperature and topP 0–1, maxTokens a whole number 0–4096, at most 4
 * stopSequences. Values that are tokens are not checked.
 * @param where the node, for messages, e.g. "Prompt node 'Summarize'"
 * @param c the parameters
 * @param label the property, for messages
 */
export function checkInferenceConfiguration(where: string, c: PromptInferenceConfiguration | undefined, label = ''): void {
  if (!c) return;
  const prefix = label ? `${label}.` : '';
  const range = (name: string, value: number | undefined, min: number, max: number) => {
    if (value !== undefined && !isUnresolved(value) && (value < min || value > max)) {
      throw new Error(`${where}: ${prefix}${name} must be between ${min} and ${max}, got ${value}`);
    }
  };
  range('temperature', c.temperature, 0, 1);
  range('topP', c.topP, 0, 1);
  range('maxTokens', c.maxTokens, 0, 4096);
  if (c.maxTokens !== undefined && !isUnresolved(c.maxTokens) && !Number.isInteger(c.maxTokens)) {
    throw new Error(`${where}: ${prefix}maxTokens must be a whole number, got ${c.maxTokens}`);
  }
  if (c.stopSequences && !isUnresolved(c.stopSequences) && c.stopSequences.length > 4) {
    throw new Error(`${where}: at most 4 ${prefix}stopSequences are allowed, got ${c.stopSequences.length}`);
  }
}

/** The API shape of inference parameters: `{ text: { temperature, topP, maxTokens, stopSequences } }`. */
export function renderInferenceConfiguration(c: PromptInferenceConfiguration): any {
  return { text: { ...c } };
}
