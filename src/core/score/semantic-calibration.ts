/**
 * Per-model calibration of the semantic component: how a pair's cosine similarity is read
 * (best resume chunk per job chunk, or the two document vectors), the cosine range mapped onto
 * 0..1, and the component's share of the score. Cosines of different models live on different
 * scales (USE lite puts almost every resume/job pair between 0.55 and 0.85), so
 * one fixed mapping cannot serve every model. How the numbers were fitted: docs/embeddings.md.
 */
import { BUILTIN_MODEL_ID, TINY_MODEL_ID } from '../embed/model-manager';

export type SemanticMethod = 'best-chunk' | 'document';

export interface SemanticCalibration {
  method: SemanticMethod;
  /** Cosine at or below which the component is 0. */
  floor: number;
  /** Cosine at or above which the component is 1. */
  ceil: number;
  /** The component's share of the score when it is available (the others share the rest). */
  weight: number;
  /**
   * False for the generated test model: its vectors are hashed words, not meaning, so the score
   * never calls them "semantic".
   */
  semantic: boolean;
  /** Short name of the model for the breakdown ("which model made the semantic part"). */
  label: string;
  /** Whether the numbers were fitted on the dev sets with the real model (else defaults). */
  fitted: boolean;
}

/** For models nobody has measured: the first version's mapping and weight. */
export const DEFAULT_SEMANTIC_CALIBRATION: Readonly<Omit<SemanticCalibration, 'label'>> = {
  method: 'best-chunk',
  floor: 0.2,
  ceil: 0.8,
  weight: 0.2,
  semantic: true,
  fitted: false,
};

const CALIBRATIONS: Readonly<Record<string, SemanticCalibration>> = {
  // Fitted with `npm run eval -- ranking --fit` on all three dev sets (docs/embeddings.md): the
  // document vector is the mean of up to 8 tiles of ≤ 128 tokens (the whole resume, not its first
  // 500 characters); its resume/job cosines lie between 0.3 and 0.9. Refitted for score-3.4.0
  // (the lexical score it is fused with changed): the best document point that makes no set worse.
  // Refitted for score-3.6.0 (a job's tool lists and boilerplate left out of its vector; a job
  // without required skills weighs its title more): the middle of the plateau of points that keep
  // every set at or above the lexical score and the goals.
  [BUILTIN_MODEL_ID]: {
    method: 'document',
    floor: 0.4,
    ceil: 0.85,
    weight: 0.2,
    semantic: true,
    label: 'Built-in USE lite',
    fitted: true,
  },
  [TINY_MODEL_ID]: {
    ...DEFAULT_SEMANTIC_CALIBRATION,
    semantic: false,
    label: 'Test model (not semantic)',
  },
};

export function semanticCalibration(modelId: string): SemanticCalibration {
  const known = CALIBRATIONS[modelId];
  if (known) return known;
  return { ...DEFAULT_SEMANTIC_CALIBRATION, label: modelId.split('/').pop() ?? modelId };
}

/** The linear map from [floor, ceil] to [0, 1], clamped. */
export function mapCosine(cosine: number, calibration: Pick<SemanticCalibration, 'floor' | 'ceil'>): number {
  const span = calibration.ceil - calibration.floor;
  if (span <= 0) return cosine >= calibration.ceil ? 1 : 0;
  return Math.max(0, Math.min(1, (cosine - calibration.floor) / span));
}
