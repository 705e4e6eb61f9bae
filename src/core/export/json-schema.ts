/**
 * A small JSON Schema interpreter for the keywords our schemas use: type (incl. integer),
 * properties, required, items, enum, const, minimum, maximum, minLength, pattern,
 * contentEncoding ('base64' only, checked in linear time: a pattern for it overflows the regex
 * stack on a multi-megabyte file) and local $ref ('#/$defs/name'). Any other keyword is refused up front, so a schema edit that relies
 * on an unsupported keyword fails loudly instead of being silently ignored. 'format' and the
 * documentation keywords are annotations (as in draft 2020-12) and are not asserted.
 */

export interface JsonSchema {
  $schema?: string;
  $id?: string;
  $ref?: string;
  $defs?: Readonly<Record<string, JsonSchema>>;
  title?: string;
  description?: string;
  format?: string;
  type?: string;
  properties?: Readonly<Record<string, JsonSchema>>;
  required?: readonly string[];
  items?: JsonSchema;
  enum?: readonly unknown[];
  const?: unknown;
  minimum?: number;
  maximum?: number;
  minLength?: number;
  pattern?: string;
  contentEncoding?: 'base64';
}

const SUPPORTED = new Set<string>([
  '$schema',
  '$id',
  '$ref',
  '$defs',
  'title',
  'description',
  'format',
  'type',
  'properties',
  'required',
  'items',
  'enum',
  'const',
  'minimum',
  'maximum',
  'minLength',
  'pattern',
  'contentEncoding',
]);

const MAX_ERRORS = 50;

/** Padded standard base64, in one pass (exactly what decodeBase64 accepts). */
export function isBase64(text: string): boolean {
  if (text.length % 4 !== 0) return false;
  const padding = text.endsWith('==') ? 2 : text.endsWith('=') ? 1 : 0;
  for (let index = 0; index < text.length - padding; index++) {
    const code = text.charCodeAt(index);
    const ok =
      (code >= 65 && code <= 90) ||
      (code >= 97 && code <= 122) ||
      (code >= 48 && code <= 57) ||
      code === 43 ||
      code === 47;
    if (!ok) return false;
  }
  return true;
}

function typeOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  return typeof value;
}

function matchesType(value: unknown, type: string): boolean {
  switch (type) {
    case 'integer':
      return typeof value === 'number' && Number.isInteger(value);
    case 'number':
      return typeof value === 'number' && Number.isFinite(value);
    default:
      return typeOf(value) === type;
  }
}

/** Throws when the schema uses a keyword this interpreter does not implement. */
export function assertSupportedSchema(schema: JsonSchema, path = '#'): void {
  for (const key of Object.keys(schema)) {
    if (!SUPPORTED.has(key)) throw new Error(`Unsupported JSON Schema keyword "${key}" at ${path}`);
  }
  for (const [name, sub] of Object.entries(schema.$defs ?? {}))
    assertSupportedSchema(sub, `${path}/$defs/${name}`);
  for (const [name, sub] of Object.entries(schema.properties ?? {})) {
    assertSupportedSchema(sub, `${path}/properties/${name}`);
  }
  if (schema.items) assertSupportedSchema(schema.items, `${path}/items`);
}

/** Validates `value` against `root`; returns human-readable errors with JSON paths ([] = valid). */
export function validateAgainstSchema(root: JsonSchema, value: unknown): string[] {
  const errors: string[] = [];
  const patterns = new Map<string, RegExp>();

  const resolve = (reference: string): JsonSchema => {
    const prefix = '#/$defs/';
    const target = reference.startsWith(prefix) ? root.$defs?.[reference.slice(prefix.length)] : undefined;
    if (!target) throw new Error(`Unresolvable $ref ${reference}`);
    return target;
  };

  const visit = (schema: JsonSchema, current: unknown, path: string): void => {
    if (errors.length >= MAX_ERRORS) return;
    if (schema.$ref !== undefined) {
      visit(resolve(schema.$ref), current, path);
      return;
    }
    if ('const' in schema && current !== schema.const) {
      errors.push(`${path}: must be ${JSON.stringify(schema.const)}`);
      return;
    }
    if (schema.enum && !schema.enum.includes(current)) {
      errors.push(
        `${path}: must be one of ${schema.enum.map((option) => JSON.stringify(option)).join(', ')}`,
      );
      return;
    }
    if (schema.type !== undefined && !matchesType(current, schema.type)) {
      errors.push(`${path}: expected ${schema.type}, got ${typeOf(current)}`);
      return;
    }
    if (typeof current === 'number') {
      if (schema.minimum !== undefined && current < schema.minimum) {
        errors.push(`${path}: must be >= ${schema.minimum}`);
      }
      if (schema.maximum !== undefined && current > schema.maximum) {
        errors.push(`${path}: must be <= ${schema.maximum}`);
      }
    }
    if (typeof current === 'string') {
      if (schema.minLength !== undefined && current.length < schema.minLength) {
        errors.push(`${path}: must have at least ${schema.minLength} characters`);
      }
      if (schema.pattern !== undefined) {
        let pattern = patterns.get(schema.pattern);
        if (!pattern) {
          pattern = new RegExp(schema.pattern, 'u');
          patterns.set(schema.pattern, pattern);
        }
        if (!pattern.test(current)) errors.push(`${path}: does not match the expected format`);
      }
      if (schema.contentEncoding === 'base64' && !isBase64(current)) {
        errors.push(`${path}: is not valid base64`);
      }
    }
    if (Array.isArray(current) && schema.items) {
      const items = schema.items;
      current.forEach((item: unknown, index) => visit(items, item, `${path}/${index}`));
    }
    if (typeOf(current) === 'object') {
      const record = current as Record<string, unknown>;
      for (const name of schema.required ?? []) {
        if (!(name in record) || record[name] === undefined) errors.push(`${path}: missing "${name}"`);
      }
      for (const [name, sub] of Object.entries(schema.properties ?? {})) {
        if (record[name] !== undefined) visit(sub, record[name], `${path}/${name}`);
      }
    }
  };

  visit(root, value, '$');
  return errors.length >= MAX_ERRORS ? [...errors.slice(0, MAX_ERRORS), '…more errors not shown'] : errors;
}
