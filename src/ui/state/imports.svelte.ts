/**
 * Files being imported: one item per file with its stage and, on failure, a readable reason.
 * Every file is independent: one failing never stops the others (the pool bounds concurrency).
 */
import type { DocumentRole } from '../../core/contracts/parse-api';
import { coerceError } from '../../core/errors';
import type { ClientImportStage } from '../../workers/host/clients';
import { services } from '../services';

export type ImportItemStage = ClientImportStage | 'failed' | 'cancelled';

export interface ImportItem {
  id: string;
  fileName: string;
  role: DocumentRole;
  stage: ImportItemStage;
  /** 0..1; never goes down, whatever order the stages are reported in. */
  progress: number;
  error?: string;
  warnings: string[];
  /** While a scan is read by OCR: pages done of pages. */
  ocr?: { done: number; pages: number };
}

const STAGE_PROGRESS: Record<ImportItemStage, number> = {
  queued: 0.05,
  reading: 0.1,
  ocr: 0.3,
  parsing: 0.4,
  extracting: 0.7,
  saving: 0.9,
  done: 1,
  failed: 1,
  cancelled: 1,
};

export function stageProgress(stage: ImportItemStage): number {
  return STAGE_PROGRESS[stage];
}

export class ImportQueue {
  items = $state<ImportItem[]>([]);
  #controllers = new Map<string, AbortController>();

  total = $derived(this.items.length);
  finished = $derived(
    this.items.filter((item) => ['done', 'failed', 'cancelled'].includes(item.stage)).length,
  );
  failed = $derived(this.items.filter((item) => item.stage === 'failed').length);
  busy = $derived(this.finished < this.total);

  #update(id: string, patch: Partial<ImportItem>): void {
    const index = this.items.findIndex((item) => item.id === id);
    const current = this.items[index];
    if (!current) return;
    // A file is read before it queues for a parse worker, but a pasted text queues first: the
    // bar only moves forward.
    const progress = patch.stage ? Math.max(current.progress, stageProgress(patch.stage)) : current.progress;
    this.items[index] = { ...current, ...patch, progress };
  }

  async addFiles(files: File[], role: DocumentRole): Promise<void> {
    const maxFileBytes = await services.settings.get('maxFileBytes');
    await Promise.all(
      files.map((file) => {
        const id = crypto.randomUUID();
        const controller = new AbortController();
        this.#controllers.set(id, controller);
        this.items.push({
          id,
          fileName: file.name,
          role,
          stage: 'reading',
          progress: stageProgress('reading'),
          warnings: [],
        });
        return services.imports
          .importFile(
            controller.signal,
            { requestId: id, file, role, maxBytes: maxFileBytes },
            (stage) => this.#update(id, { stage }),
            (ocr) => this.#update(id, { ocr }),
          )
          .then((result) => {
            this.#update(id, { stage: 'done', warnings: result.warnings });
            // Vectors are computed in the background; the import never waits for them.
            services.embedder.queueEmbed(result.role, result.id);
          })
          .catch((error: unknown) => this.#fail(id, error))
          .finally(() => this.#controllers.delete(id));
      }),
    );
  }

  async addText(
    text: string,
    role: DocumentRole,
    fileName: string,
    options: { sample?: boolean } = {},
  ): Promise<boolean> {
    const id = crypto.randomUUID();
    const controller = new AbortController();
    this.#controllers.set(id, controller);
    this.items.push({ id, fileName, role, stage: 'queued', progress: stageProgress('queued'), warnings: [] });
    try {
      const result = await services.imports.importText(
        controller.signal,
        { requestId: id, text, role, fileName, ...(options.sample ? { sample: true } : {}) },
        (stage) => this.#update(id, { stage }),
      );
      this.#update(id, { stage: 'done', warnings: result.warnings });
      services.embedder.queueEmbed(result.role, result.id);
      return true;
    } catch (error) {
      this.#fail(id, error);
      return false;
    } finally {
      this.#controllers.delete(id);
    }
  }

  cancel(id: string): void {
    this.#controllers.get(id)?.abort();
  }

  cancelAll(): void {
    for (const controller of this.#controllers.values()) controller.abort();
  }

  clearFinished(): void {
    this.items = this.items.filter((item) => !['done', 'failed', 'cancelled'].includes(item.stage));
  }

  #fail(id: string, error: unknown): void {
    const typed = coerceError(error);
    if (typed.code === 'aborted') this.#update(id, { stage: 'cancelled', error: 'Cancelled.' });
    else this.#update(id, { stage: 'failed', error: typed.message });
  }
}

export const importQueue = new ImportQueue();
