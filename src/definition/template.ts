/**
 * A `{{variable}}` of a prompt template (whitespace inside the braces allowed). One definition for
 * the builder, the validation and the simulator. Global: use it with `matchAll`.
 */
export const TEMPLATE_VARIABLE = /\{\{\s*([^{}\s]+)\s*\}\}/g;

/** The distinct `{{variables}}` of a template, in order of first use. */
export function templateVariables(template: string): string[] {
  const names: string[] = [];
  for (const m of template.matchAll(TEMPLATE_VARIABLE)) {
    if (!names.includes(m[1])) names.push(m[1]);
  }
  return names;
}
