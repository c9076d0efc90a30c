/**
 * The one id pattern of the help centre: articles, sections, categories, snippets, topics and
 * teams are named in lower-case letters and digits joined by single dashes ("paying-for-lots").
 */
export const idPattern = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

export function isId(value: unknown): value is string {
  return typeof value === 'string' && idPattern.test(value);
}
