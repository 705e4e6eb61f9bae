/**
 * Settings table: typed key/value preferences with defaults. Written by the settings screen;
 * read by import (size limits) and model loading. A stored value of the wrong type (an old or
 * hand-edited record) reads as the default instead of breaking the app.
 */
import { BUILTIN_MODEL_ID } from '../core/embed/model-manager';
import type { AppDb } from './app-db';
import { withStorageErrors } from './storage-errors';

export interface Settings {
  /** Files larger than this are refused before parsing. */
  maxFileBytes: number;
  /** DOCX (zip) content larger than this when unpacked is treated as a zip bomb. */
  maxUnzippedBytes: number;
  /** PDF pages read at most; later pages are skipped with a warning (crafted 10,000-page files). */
  maxPdfPages: number;
  /** Whether model files may be fetched from the network (Hugging Face hub). */
  allowModelDownloads: boolean;
  /**
   * Embedding model id, '' for none (lexical scoring only). The built-in model by default: it is
   * served by this app, so using it needs no consent and no other host.
   */
  embeddingModel: string;
  /** Background embedding of the library is paused by the user (resumes after a reload only when false). */
  embeddingPaused: boolean;
  /** Bumped by every restore: the search index reads the whole library again (0: never restored). */
  libraryEpoch: number;
}

export type SettingKey = keyof Settings;

export const DEFAULT_SETTINGS: Readonly<Settings> = {
  maxFileBytes: 20 * 1024 * 1024,
  maxUnzippedBytes: 100 * 1024 * 1024,
  maxPdfPages: 50,
  allowModelDownloads: false,
  embeddingModel: BUILTIN_MODEL_ID,
  embeddingPaused: false,
  libraryEpoch: 0,
};

function isValid<K extends SettingKey>(key: K, value: unknown): value is Settings[K] {
  const fallback = DEFAULT_SETTINGS[key];
  if (typeof fallback === 'number') return typeof value === 'number' && Number.isFinite(value) && value > 0;
  return typeof value === typeof fallback;
}

export class SettingsRepository {
  readonly #db: AppDb;

  constructor(db: AppDb) {
    this.#db = db;
  }

  async get<K extends SettingKey>(key: K): Promise<Settings[K]> {
    const record = await this.#db.settings.get(key);
    return record && isValid(key, record.value) ? record.value : DEFAULT_SETTINGS[key];
  }

  /** Every setting, stored values over defaults. */
  async getAll(): Promise<Settings> {
    const settings: Settings = { ...DEFAULT_SETTINGS };
    const assign = <K extends SettingKey>(key: K, value: unknown): void => {
      if (isValid(key, value)) settings[key] = value;
    };
    for (const record of await this.#db.settings.toArray()) {
      if (record.key in DEFAULT_SETTINGS) assign(record.key as SettingKey, record.value);
    }
    return settings;
  }

  async set<K extends SettingKey>(key: K, value: Settings[K]): Promise<void> {
    if (!isValid(key, value)) throw new RangeError(`Invalid value for setting ${key}`);
    await withStorageErrors(() => this.#db.settings.put({ key, value }));
  }

  /** Back to the default. */
  async reset(key: SettingKey): Promise<void> {
    await withStorageErrors(() => this.#db.settings.delete(key));
  }
}
