/**
 * Writes a tiny embedding model, generated from code, to public/models/shortlist-tiny-embed/
 * (git-ignored), in the layout transformers.js loads: config.json, tokenizer.json,
 * tokenizer_config.json and onnx/model.onnx. Tests, CI and the e2e build load it through the same
 * path as a real model, with no network.
 *
 * The ONNX graph is written here as protobuf bytes by hand (no onnx package needed):
 *   last_hidden_state = Gather(embeddings, input_ids) * Unsqueeze(Cast(attention_mask))
 * so transformers.js' mean pooling + normalisation gives a bag-of-words vector. Word vectors are
 * deterministic: a hashed pseudo-random part per token plus a shared part per topic (every skill of
 * a taxonomy group, a few hand-written word families), so texts sharing words or topics get a
 * higher cosine than unrelated ones. It is a test model, not a semantic one.
 *
 * Usage: tsx scripts/make-tiny-model.ts [--if-missing] [--out DIR]
 */
import { existsSync } from 'node:fs';
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { SKILL_GROUPS } from '../src/core/taxonomy/skills-data';

export const TINY_MODEL_ID = 'shortlist-tiny-embed';
export const TINY_MODEL_DIMS = 64;
export const TINY_MODEL_MAX_TOKENS = 256;

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
export const DEFAULT_MODELS_DIR = join(ROOT, 'public', 'models');

const SPECIAL_TOKENS = ['[PAD]', '[UNK]', '[CLS]', '[SEP]', '[MASK]'] as const;

/** Word families that share a topic vector (besides the taxonomy's skill groups). */
const WORD_FAMILIES: Record<string, string> = {
  software:
    'software developer engineer engineering programming programmer code coding backend frontend ' +
    'fullstack web application applications api apis services microservices deploy deployment ' +
    'debugging testing architecture scalable platform systems framework frameworks stack',
  data:
    'data analyst analytics analysis scientist science statistics statistical model models modeling ' +
    'machine learning dashboards dashboard reporting metrics pipeline pipelines warehouse etl insights',
  health:
    'nurse nursing patient patients care clinical hospital medical health healthcare registered ' +
    'medication treatment physician doctor therapy ward emergency triage',
  finance:
    'finance financial accountant accounting audit auditing budget budgets tax taxes ledger ' +
    'reconciliation forecasting payroll invoices revenue compliance bookkeeping',
  sales:
    'sales marketing customer customers client clients account accounts revenue quota campaign ' +
    'campaigns brand leads prospects negotiation crm retail',
  teaching:
    'teacher teaching school students student classroom curriculum lesson lessons education ' +
    'tutoring instruction learning grade grades',
  trades:
    'electrician plumber carpenter construction site welding maintenance repair installation ' +
    'equipment machinery warehouse forklift logistics driver delivery',
  people:
    'manager management lead leadership team teams mentoring mentored hiring stakeholders ' +
    'communication collaboration coordinated supervised',
};

/** Common resume and job words that get their own (hashed) vector without a family. */
const COMMON_WORDS =
  'the a an and or of to in on for with at by from as is are was were be been being it its this that ' +
  'these those we you they he she i my our your their his her not no yes all any each every more most ' +
  'years year experience experienced senior junior mid level principal staff intern summary profile ' +
  'skills skill education work history employment professional projects project certifications ' +
  'certification languages language references objective responsibilities requirements required ' +
  'preferred qualifications nice have has had will would should must can could may including include ' +
  'includes such using used use build built building design designed designing develop developed ' +
  'developing implement implemented implementing improve improved improving increase increased reduce ' +
  'reduced create created manage managed managing led lead support supported supporting maintain ' +
  'maintained ensure ensured work worked working help helped performance quality new strong excellent ' +
  'good ability able knowledge understanding familiarity proficient proficiency expert expertise degree ' +
  'bachelor master masters phd doctorate diploma university college institute high bs ba ms mba ' +
  'company corporation inc llc ltd group present current remote hybrid onsite office full time part ' +
  'contract permanent location city state country based job role position title responsibilities ' +
  'opportunity salary benefits apply join about us our mission product products users user business ' +
  'operations process processes across within over under between into through per day week month ' +
  'january february march april may june july august september october november december jan feb mar ' +
  'apr jun jul aug sep sept oct nov dec one two three four five six seven eight nine ten first second ' +
  'plus etc also well large small global international local national team end';

// ---------------------------------------------------------------------------------------------
// Deterministic pseudo-random numbers.

function fnv1a(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A unit-length Gaussian vector seeded by `key`. */
function hashedVector(key: string, dims: number): Float32Array {
  const random = mulberry32(fnv1a(key));
  const vector = new Float32Array(dims);
  let sumSquares = 0;
  for (let i = 0; i < dims; i++) {
    // Box-Muller: 1 - random() avoids log(0).
    const value = Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
    vector[i] = value;
    sumSquares += value * value;
  }
  const length = Math.sqrt(sumSquares) || 1;
  for (let i = 0; i < dims; i++) vector[i] = (vector[i] ?? 0) / length;
  return vector;
}

// ---------------------------------------------------------------------------------------------
// Vocabulary.

/** Lower-cased words as BERT's pre-tokenizer would split them (whitespace and punctuation). */
function words(text: string): string[] {
  return text
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((word) => word.length > 0);
}

interface Vocabulary {
  tokens: string[];
  /** Topic of each token, when it belongs to one. */
  topics: Map<string, string>;
}

export function buildVocabulary(): Vocabulary {
  const tokens: string[] = [...SPECIAL_TOKENS];
  const seen = new Set<string>(tokens);
  const topics = new Map<string, string>();
  const add = (token: string, topic?: string): void => {
    if (topic && !topics.has(token)) topics.set(token, topic);
    if (seen.has(token)) return;
    seen.add(token);
    tokens.push(token);
  };
  // Single characters and their continuation pieces, so no word is ever [UNK] in plain English.
  for (const char of 'abcdefghijklmnopqrstuvwxyz0123456789') {
    add(char);
    add(`##${char}`);
  }
  for (const char of '.,;:!?()[]{}\'"-+/#&@%$*_=<>|~`^\\') add(char);
  // Frequent suffixes make unknown words split into meaningful pieces ("deploy" + "##ing").
  for (const suffix of ['s', 'es', 'ed', 'ing', 'er', 'ers', 'ly', 'ion', 'ions', 'al', 'ment', 'ity', 'js'])
    add(`##${suffix}`);
  for (const [family, list] of Object.entries(WORD_FAMILIES)) {
    for (const word of words(list)) add(word, `family:${family}`);
  }
  for (const group of SKILL_GROUPS) {
    const entryTexts = group.entries.split(/[\n;]/);
    for (const entry of entryTexts) {
      // "Canonical | alias, alias > Implied": every surface form's words share the group topic.
      const surfaces = entry.split('>')[0] ?? '';
      for (const word of words(surfaces.replace(/\*/g, ''))) {
        if (word.length > 1) add(word, `group:${group.domain}`);
      }
    }
  }
  for (const word of words(COMMON_WORDS)) add(word);
  return { tokens, topics };
}

/** Row-major [vocab, dims] embedding table. Special tokens are zero so they add nothing. */
export function buildEmbeddings(vocabulary: Vocabulary, dims: number): Float32Array {
  const table = new Float32Array(vocabulary.tokens.length * dims);
  // How much of a word's vector is its topic: enough that same-topic words are close (cos ≈ 0.5),
  // little enough that the words themselves still decide.
  const topicWeight = 0.7;
  const ownWeight = Math.sqrt(1 - topicWeight * topicWeight);
  vocabulary.tokens.forEach((token, index) => {
    if ((SPECIAL_TOKENS as readonly string[]).includes(token)) return;
    const own = hashedVector(`token:${token}`, dims);
    const topic = vocabulary.topics.get(token);
    const shared = topic ? hashedVector(topic, dims) : undefined;
    for (let i = 0; i < dims; i++) {
      const value = shared ? ownWeight * (own[i] ?? 0) + topicWeight * (shared[i] ?? 0) : (own[i] ?? 0);
      table[index * dims + i] = value;
    }
  });
  return table;
}

// ---------------------------------------------------------------------------------------------
// Protobuf (only what ONNX's ModelProto needs: varints, length-delimited fields).

type Field = Uint8Array;

function varint(value: bigint): number[] {
  // Negative int64 values are encoded as their 64-bit two's complement (10 bytes).
  let rest = BigInt.asUintN(64, value);
  const bytes: number[] = [];
  do {
    let byte = Number(rest & 0x7fn);
    rest >>= 7n;
    if (rest > 0n) byte |= 0x80;
    bytes.push(byte);
  } while (rest > 0n);
  return bytes;
}

function concat(parts: Uint8Array[]): Uint8Array {
  const total = parts.reduce((sum, part) => sum + part.length, 0);
  const out = new Uint8Array(total);
  let offset = 0;
  for (const part of parts) {
    out.set(part, offset);
    offset += part.length;
  }
  return out;
}

function intField(fieldNumber: number, value: number | bigint): Field {
  return new Uint8Array([...varint(BigInt(fieldNumber << 3)), ...varint(BigInt(value))]);
}

function bytesField(fieldNumber: number, payload: Uint8Array): Field {
  return concat([
    new Uint8Array(varint(BigInt((fieldNumber << 3) | 2))),
    new Uint8Array(varint(BigInt(payload.length))),
    payload,
  ]);
}

function stringField(fieldNumber: number, text: string): Field {
  return bytesField(fieldNumber, new TextEncoder().encode(text));
}

function message(...fields: Field[]): Uint8Array {
  return concat(fields);
}

// ONNX enum values (onnx.proto).
const FLOAT = 1;
const INT64 = 7;
const ATTRIBUTE_INT = 2;

/** TensorProto with raw little-endian data. */
function tensor(name: string, dataType: number, dims: number[], raw: Uint8Array): Uint8Array {
  return message(
    ...dims.map((dim) => intField(1, dim)),
    intField(2, dataType),
    stringField(8, name),
    bytesField(9, raw),
  );
}

/** ValueInfoProto for a tensor whose dims are symbolic names or fixed sizes. */
function valueInfo(name: string, elemType: number, shape: (string | number)[]): Uint8Array {
  const dims = shape.map((dim) =>
    bytesField(1, typeof dim === 'number' ? intField(1, dim) : stringField(2, dim)),
  );
  const tensorType = message(intField(1, elemType), bytesField(2, message(...dims)));
  return message(stringField(1, name), bytesField(2, message(bytesField(1, tensorType))));
}

function node(
  opType: string,
  inputs: string[],
  outputs: string[],
  attributes: Uint8Array[] = [],
): Uint8Array {
  return message(
    ...inputs.map((input) => stringField(1, input)),
    ...outputs.map((output) => stringField(2, output)),
    stringField(3, `${opType}_${outputs[0] ?? ''}`),
    stringField(4, opType),
    ...attributes.map((attribute) => bytesField(5, attribute)),
  );
}

function intAttribute(name: string, value: number): Uint8Array {
  return message(stringField(1, name), intField(3, value), intField(20, ATTRIBUTE_INT));
}

/** The whole ONNX model (opset 13, IR version 8). */
export function buildOnnxModel(embeddings: Float32Array, vocabSize: number, dims: number): Uint8Array {
  const embeddingBytes = new Uint8Array(embeddings.buffer, embeddings.byteOffset, embeddings.byteLength);
  const axes = new Uint8Array(new BigInt64Array([-1n]).buffer);
  const graph = message(
    bytesField(1, node('Gather', ['embeddings', 'input_ids'], ['token_vectors'], [intAttribute('axis', 0)])),
    bytesField(1, node('Cast', ['attention_mask'], ['mask_float'], [intAttribute('to', FLOAT)])),
    bytesField(1, node('Unsqueeze', ['mask_float', 'mask_axes'], ['mask_3d'])),
    bytesField(1, node('Mul', ['token_vectors', 'mask_3d'], ['last_hidden_state'])),
    stringField(2, 'shortlist_tiny_embed'),
    bytesField(5, tensor('embeddings', FLOAT, [vocabSize, dims], embeddingBytes)),
    bytesField(5, tensor('mask_axes', INT64, [1], axes)),
    bytesField(11, valueInfo('input_ids', INT64, ['batch_size', 'sequence_length'])),
    bytesField(11, valueInfo('attention_mask', INT64, ['batch_size', 'sequence_length'])),
    bytesField(12, valueInfo('last_hidden_state', FLOAT, ['batch_size', 'sequence_length', dims])),
  );
  const opset = message(stringField(1, ''), intField(2, 13));
  return message(
    intField(1, 8),
    stringField(2, 'shortlist scripts/make-tiny-model.ts'),
    stringField(3, '1'),
    bytesField(7, graph),
    bytesField(8, opset),
  );
}

// ---------------------------------------------------------------------------------------------
// Tokenizer and config files.

function tokenizerJson(tokens: string[]): unknown {
  const vocab: Record<string, number> = {};
  tokens.forEach((token, id) => (vocab[token] = id));
  const special = (content: string): unknown => ({
    id: vocab[content],
    content,
    single_word: false,
    lstrip: false,
    rstrip: false,
    normalized: false,
    special: true,
  });
  const cls = vocab['[CLS]'];
  const sep = vocab['[SEP]'];
  return {
    version: '1.0',
    truncation: null,
    padding: null,
    added_tokens: SPECIAL_TOKENS.map(special),
    normalizer: {
      type: 'BertNormalizer',
      clean_text: true,
      handle_chinese_chars: true,
      strip_accents: null,
      lowercase: true,
    },
    pre_tokenizer: { type: 'BertPreTokenizer' },
    post_processor: {
      type: 'TemplateProcessing',
      single: [
        { SpecialToken: { id: '[CLS]', type_id: 0 } },
        { Sequence: { id: 'A', type_id: 0 } },
        { SpecialToken: { id: '[SEP]', type_id: 0 } },
      ],
      pair: [
        { SpecialToken: { id: '[CLS]', type_id: 0 } },
        { Sequence: { id: 'A', type_id: 0 } },
        { SpecialToken: { id: '[SEP]', type_id: 0 } },
        { Sequence: { id: 'B', type_id: 1 } },
        { SpecialToken: { id: '[SEP]', type_id: 1 } },
      ],
      special_tokens: {
        '[CLS]': { id: '[CLS]', ids: [cls], tokens: ['[CLS]'] },
        '[SEP]': { id: '[SEP]', ids: [sep], tokens: ['[SEP]'] },
      },
    },
    decoder: { type: 'WordPiece', prefix: '##', cleanup: true },
    model: {
      type: 'WordPiece',
      unk_token: '[UNK]',
      continuing_subword_prefix: '##',
      max_input_chars_per_word: 100,
      vocab,
    },
  };
}

export interface TinyModelFiles {
  /** Path inside the model folder → bytes. */
  files: Map<string, Uint8Array>;
  vocabSize: number;
}

export function buildTinyModel(dims = TINY_MODEL_DIMS): TinyModelFiles {
  const vocabulary = buildVocabulary();
  const embeddings = buildEmbeddings(vocabulary, dims);
  const vocabSize = vocabulary.tokens.length;
  const json = (value: unknown): Uint8Array =>
    new TextEncoder().encode(`${JSON.stringify(value, null, 1)}\n`);
  const files = new Map<string, Uint8Array>();
  files.set(
    'config.json',
    json({
      model_type: 'bert',
      architectures: ['BertModel'],
      hidden_size: dims,
      vocab_size: vocabSize,
      max_position_embeddings: TINY_MODEL_MAX_TOKENS,
      num_hidden_layers: 0,
      num_attention_heads: 1,
      intermediate_size: dims,
      type_vocab_size: 1,
      pad_token_id: 0,
      'transformers.js_config': { dtype: 'fp32' },
      _comment: 'Generated by scripts/make-tiny-model.ts: a hashed bag-of-words test model, not semantic.',
    }),
  );
  files.set(
    'tokenizer_config.json',
    json({
      tokenizer_class: 'BertTokenizer',
      do_lower_case: true,
      model_max_length: TINY_MODEL_MAX_TOKENS,
      cls_token: '[CLS]',
      sep_token: '[SEP]',
      pad_token: '[PAD]',
      unk_token: '[UNK]',
      mask_token: '[MASK]',
      clean_up_tokenization_spaces: true,
    }),
  );
  files.set('tokenizer.json', json(tokenizerJson(vocabulary.tokens)));
  files.set('onnx/model.onnx', buildOnnxModel(embeddings, vocabSize, dims));
  return { files, vocabSize };
}

/**
 * Writes the model to `<modelsDir>/<TINY_MODEL_ID>/` (into a temporary folder first, then renamed,
 * so a reader running at the same time never sees half a model). Returns the folder.
 */
export async function writeTinyModel(
  modelsDir = DEFAULT_MODELS_DIR,
  options = { ifMissing: false },
): Promise<string> {
  const target = join(modelsDir, TINY_MODEL_ID);
  if (options.ifMissing && existsSync(join(target, 'onnx', 'model.onnx'))) return target;
  const temporary = `${target}.tmp-${process.pid}-${Date.now()}`;
  const { files } = buildTinyModel();
  for (const [path, bytes] of files) {
    const filePath = join(temporary, path);
    await mkdir(dirname(filePath), { recursive: true });
    await writeFile(filePath, bytes);
  }
  if (options.ifMissing && existsSync(join(target, 'onnx', 'model.onnx'))) {
    // Someone else finished first; theirs is byte-identical.
    await rm(temporary, { recursive: true, force: true });
    return target;
  }
  await rm(target, { recursive: true, force: true });
  await mkdir(modelsDir, { recursive: true });
  try {
    await rename(temporary, target);
  } catch (error) {
    await rm(temporary, { recursive: true, force: true });
    if (!existsSync(join(target, 'onnx', 'model.onnx'))) throw error;
  }
  return target;
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const outIndex = args.indexOf('--out');
  const modelsDir = outIndex >= 0 && args[outIndex + 1] ? args[outIndex + 1] : DEFAULT_MODELS_DIR;
  const folder = await writeTinyModel(modelsDir, { ifMissing: args.includes('--if-missing') });
  console.log(`tiny embedding model: ${folder}`);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  main().catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  });
}
