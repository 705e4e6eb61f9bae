/**
 * Turning model output into JSON: the light repairs small models need (code fences, chatter
 * before or after the object, trailing commas), and an incremental scan that finds each
 * completed item of a streamed array so suggestions can be shown while the rest streams.
 */

/** End index (exclusive) of the balanced {...} or [...] starting at `start`, or -1 when unfinished. */
function balancedEnd(text: string, start: number): number {
  let depth = 0;
  let inString = false;
  let escaped = false;
  for (let i = start; i < text.length; i += 1) {
    const char = text[i];
    if (inString) {
      if (escaped) escaped = false;
      else if (char === '\\') escaped = true;
      else if (char === '"') inString = false;
      continue;
    }
    if (char === '"') inString = true;
    else if (char === '{' || char === '[') depth += 1;
    else if (char === '}' || char === ']') {
      depth -= 1;
      if (depth === 0) return i + 1;
    }
  }
  return -1;
}

/** Removes commas directly before a closing bracket, outside strings. */
export function removeTrailingCommas(json: string): string {
  let out = '';
  let inString = false;
  let escaped = false;
  for (let i = 0; i < json.length; i += 1) {
    const char = json[i] ?? '';
    if (inString) {
      out += char;
      if (escaped) escaped = false;
      else if (char === '\\') escaped = true;
      else if (char === '"') inString = false;
      continue;
    }
    if (char === '"') inString = true;
    if (char === ',') {
      const rest = json.slice(i + 1).match(/^\s*([}\]])/);
      if (rest) continue;
    }
    out += char;
  }
  return out;
}

export type ParsedOutput = { ok: true; value: unknown; repaired: boolean } | { ok: false; error: string };

/**
 * Parses the model's answer: as is first; otherwise strips code fences, takes the first complete
 * JSON object and removes trailing commas.
 */
export function parseModelJson(raw: string): ParsedOutput {
  try {
    return { ok: true, value: JSON.parse(raw) as unknown, repaired: false };
  } catch {
    // Fall through to the repairs.
  }
  const unfenced = raw.replace(/```(?:json)?/gi, '');
  const start = unfenced.indexOf('{');
  if (start < 0) return { ok: false, error: 'no JSON object in the answer' };
  const end = balancedEnd(unfenced, start);
  if (end < 0) return { ok: false, error: 'the JSON object is not finished' };
  try {
    return {
      ok: true,
      value: JSON.parse(removeTrailingCommas(unfenced.slice(start, end))) as unknown,
      repaired: true,
    };
  } catch (error) {
    return { ok: false, error: `not valid JSON (${error instanceof Error ? error.message : String(error)})` };
  }
}

/**
 * The complete items so far of the array under `key` in a partial JSON text, e.g. every finished
 * suggestion object of `{"suggestions": [{...}, {...}, {"kind": "bu` (the unfinished one is left
 * out). Items that do not parse even after repair are returned as undefined so the caller can
 * count them.
 */
export function completedArrayItems(partial: string, key: string): { items: unknown[]; consumed: number } {
  const keyAt = partial.search(new RegExp(`"${key}"\\s*:\\s*\\[`));
  if (keyAt < 0) return { items: [], consumed: 0 };
  let position = partial.indexOf('[', keyAt) + 1;
  const items: unknown[] = [];
  for (;;) {
    while (position < partial.length && /[\s,]/.test(partial[position] ?? '')) position += 1;
    if (position >= partial.length || partial[position] !== '{') break;
    const end = balancedEnd(partial, position);
    if (end < 0) break;
    const parsed = parseModelJson(partial.slice(position, end));
    items.push(parsed.ok ? parsed.value : undefined);
    position = end;
  }
  return { items, consumed: position };
}
