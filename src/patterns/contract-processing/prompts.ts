/**
 * The default prompt templates of the contract-processing flow, and the template variables each
 * prompt may use.
 *
 * Templates are text prompts: `{{name}}` marks a variable. A replacement template must use the
 * required variable of its prompt and may use the optional ones; the flow connects exactly the
 * variables the template uses.
 */
export class ContractProcessingPrompts {
  /**
   * Classifies the contract. Variables: `{{text}}` (required, the extracted text).
   *
   * The completion must contain a JSON object `{"contractType": "...", "language": "..."}`; the flow
   * extracts the first JSON object of the completion, so text around it is tolerated. A missing or
   * malformed language becomes `unknown` (and the document is translated with language detection).
   */
  public static readonly CLASSIFICATION = [
    'You classify legal contracts.',
    '',
    'Read the contract between the <contract> tags and determine:',
    '- contractType: the kind of contract, one of NDA, MSA, SOW, employment, lease, purchase, license, loan, partnership, service, other;',
    '- language: the ISO 639-1 code of the language the contract is written in, in lower case (for example en, de, fr, es, ja).',
    '',
    'Reply with one JSON object and nothing else, for example:',
    '{"contractType": "NDA", "language": "en"}',
    '',
    '<contract>',
    '{{text}}',
    '</contract>',
  ].join('\n');

  /**
   * Analyzes the (English) contract. Variables: `{{text}}` (required, the contract text in English),
   * `{{contractType}}` (optional, from the classification), `{{language}}` (optional, the original
   * language code, or `unknown`).
   */
  public static readonly ANALYSIS = [
    'You are an experienced contract lawyer. Analyze the {{contractType}} contract between the <contract> tags.',
    '',
    'Write a structured analysis in Markdown with these sections:',
    '1. Summary: the parties, the purpose, the term and the governing law.',
    '2. Key obligations of each party.',
    '3. Payment terms, fees and penalties.',
    '4. Termination, renewal and notice periods.',
    '5. Liability, indemnification, warranties and limitations.',
    '6. Confidentiality, intellectual property and data protection.',
    '7. Risks: unusual, one-sided or missing clauses, each rated low, medium or high, citing the clause.',
    '',
    'Base every statement on the contract text; write "not specified" where the contract is silent.',
    '',
    '<contract>',
    '{{text}}',
    '</contract>',
  ].join('\n');

  /**
   * Scores the analysis. Variables: `{{analysis}}` (required), `{{contractType}}` (optional).
   *
   * The completion must contain the score from 1 to 10, preferably as `{"score": <n>}`; the flow
   * reads the `score` field, else the first number of the completion, and uses 0 (send to review)
   * when there is none.
   */
  public static readonly QUALITY = [
    'You review contract analyses written by an assistant before they are filed.',
    '',
    'Score the analysis between the <analysis> tags from 1 (unusable) to 10 (complete and precise). Consider:',
    '- completeness: every section (summary, obligations, payment, termination, liability, confidentiality, risks) is covered;',
    '- precision: statements are specific and cite clauses, without vague or invented content;',
    '- usefulness: risks are concrete and rated.',
    '',
    'Reply with one JSON object and nothing else, for example:',
    '{"score": 8, "reason": "one short sentence"}',
    '',
    '<analysis>',
    '{{analysis}}',
    '</analysis>',
  ].join('\n');

  private constructor() {}
}
