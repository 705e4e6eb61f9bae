/**
 * Applying an accepted suggestion to resume text: the quoted passage is found again with
 * whitespace differences tolerated (the model sees text with line breaks joined) and replaced
 * once. The edited text becomes a new resume version; the original is never changed.
 */

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** The text with the first occurrence of `before` replaced by `after`, or undefined when absent. */
export function applySuggestion(text: string, before: string, after: string): string | undefined {
  const words = before.trim().split(/\s+/).filter(Boolean);
  if (words.length === 0) return undefined;
  const pattern = new RegExp(words.map(escapeRegExp).join('\\s+'), 'i');
  const match = pattern.exec(text);
  if (!match) return undefined;
  return `${text.slice(0, match.index)}${after.trim()}${text.slice(match.index + match[0].length)}`;
}
