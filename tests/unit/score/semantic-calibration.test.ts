import { describe, expect, it } from 'vitest';
import { extractJob } from '../../../src/core/extract/job';
import { extractResume } from '../../../src/core/extract/resume';
import { parseText } from '../../../src/core/parse/text';
import { BUILTIN_MODEL_ID, TINY_MODEL_ID } from '../../../src/core/embed/model-manager';
import {
  COMPONENT_LABELS,
  DEFAULT_SEMANTIC_CALIBRATION,
  SCORE_WEIGHTS,
  effectiveWeights,
  mapCosine,
  scoreMatch,
  semanticCalibration,
  semanticSimilarity,
  type SemanticInput,
} from '../../../src/core/score';

const RESUME = `Ada Park
Experience
Software Engineer, Globex    2016 - Present
- Built REST APIs in Python with Django and PostgreSQL
Skills
Python, Django, PostgreSQL`;
const JOB = `Backend Engineer
Requirements
- Python and Django
- SQL`;

function unit(values: number[]): number[] {
  const norm = Math.hypot(...values);
  return values.map((value) => value / norm);
}

function score(semantic?: SemanticInput) {
  const resume = parseText(RESUME);
  const job = parseText(JOB);
  return scoreMatch({
    resume,
    profile: extractResume(resume, { now: new Date(Date.UTC(2024, 5, 1)) }),
    job,
    spec: extractJob(job),
    ...(semantic ? { semantic } : {}),
  });
}

/** Vectors whose best-chunk cosine is 1 but whose document cosine is 0.5. */
function input(modelId: string): SemanticInput {
  return {
    modelId,
    dims: 3,
    resumeChunks: new Float32Array(unit([1, 0, 0])),
    jobChunks: new Float32Array(unit([1, 0, 0])),
    resumeDocument: new Float32Array(unit([1, 0, 0])),
    jobDocument: new Float32Array(unit([0.5, Math.sqrt(0.75), 0])),
  };
}

describe('per-model semantic calibration', () => {
  it('maps a cosine linearly between floor and ceiling, clamped', () => {
    expect(mapCosine(0.1, { floor: 0.2, ceil: 0.7 })).toBe(0);
    expect(mapCosine(0.45, { floor: 0.2, ceil: 0.7 })).toBeCloseTo(0.5, 6);
    expect(mapCosine(0.9, { floor: 0.2, ceil: 0.7 })).toBe(1);
  });

  it('reads the built-in model by document vectors and other models by best chunk', () => {
    const builtin = semanticSimilarity(input(BUILTIN_MODEL_ID));
    const calibration = semanticCalibration(BUILTIN_MODEL_ID);
    expect(calibration.method).toBe('document');
    expect(builtin?.cosine).toBeCloseTo(0.5, 5);
    expect(builtin?.score).toBeCloseTo(mapCosine(0.5, calibration), 5);
    const other = semanticSimilarity(input('someone/unknown-model'));
    expect(other?.calibration.method).toBe('best-chunk');
    expect(other?.cosine).toBeCloseTo(1, 5);
    expect(other?.calibration.floor).toBe(DEFAULT_SEMANTIC_CALIBRATION.floor);
  });

  it('falls back to chunks when a document vector is missing', () => {
    const { resumeDocument: _dropped, ...rest } = input(BUILTIN_MODEL_ID);
    expect(semanticSimilarity(rest)?.cosine).toBeCloseTo(1, 5);
  });

  it('gives the semantic part exactly its calibrated share of the score', () => {
    const lexical = score();
    const withModel = score(input(BUILTIN_MODEL_ID));
    const { weight } = semanticCalibration(BUILTIN_MODEL_ID);
    expect(withModel.weights.semantic).toBeCloseTo(weight, 6);
    const sum = COMPONENT_LABELS.reduce((total, { key }) => total + (withModel.weights[key] ?? 0), 0);
    expect(sum).toBeCloseTo(1, 6);
    // score with it = (1 − w) × score without it + w × semantic
    const expected = (1 - weight) * (lexical.rawScore ?? 0) + weight * (withModel.components.semantic ?? 0);
    expect(withModel.rawScore).toBeCloseTo(expected, 6);
    // Every lexical weight keeps its proportion to the others.
    expect((withModel.weights.text ?? 0) / (withModel.weights.requiredSkills ?? 1)).toBeCloseTo(
      (lexical.weights.text ?? 0) / (lexical.weights.requiredSkills ?? 1),
      6,
    );
  });

  it('gives the semantic part its share whichever other components are available', () => {
    const weights = effectiveWeights({
      requiredSkills: 1,
      preferredSkills: 1,
      semantic: 1,
      text: 1,
      title: 1,
    });
    // The lexical parts share the other 80 % in their default proportions.
    expect(weights.semantic).toBeCloseTo(0.2, 6);
    const lexical =
      SCORE_WEIGHTS.requiredSkills + SCORE_WEIGHTS.preferredSkills + SCORE_WEIGHTS.text + SCORE_WEIGHTS.title;
    expect(weights.requiredSkills).toBeCloseTo((SCORE_WEIGHTS.requiredSkills / lexical) * 0.8, 6);
    expect(effectiveWeights({ text: 1, semantic: 1 }, 0.35).semantic).toBeCloseTo(0.35, 6);
    expect(effectiveWeights({ text: 1, semantic: 1 }, 0.35).text).toBeCloseTo(0.65, 6);
    // Without vectors nothing changes.
    expect(effectiveWeights({ requiredSkills: 1, text: 1 }, 0.35).semantic).toBeUndefined();
  });

  it('gives the required-skills weight to the title when the job lists no required skills', () => {
    const withList = effectiveWeights({ requiredSkills: 1, preferredSkills: 1, text: 1, title: 1 });
    const withoutList = effectiveWeights({ preferredSkills: 1, text: 1, title: 1 });
    const total =
      SCORE_WEIGHTS.requiredSkills + SCORE_WEIGHTS.preferredSkills + SCORE_WEIGHTS.text + SCORE_WEIGHTS.title;
    // Same total as with a list: the title takes the required share, the others keep theirs.
    expect(withoutList.title).toBeCloseTo((SCORE_WEIGHTS.title + SCORE_WEIGHTS.requiredSkills) / total, 6);
    expect(withoutList.text).toBeCloseTo(withList.text, 6);
    expect(withoutList.preferredSkills).toBeCloseTo(withList.preferredSkills, 6);
    // Without a title either, the weight is shared out in proportion as before.
    const neither = effectiveWeights({ preferredSkills: 1, text: 1 });
    expect(neither.text).toBeCloseTo(
      SCORE_WEIGHTS.text / (SCORE_WEIGHTS.text + SCORE_WEIGHTS.preferredSkills),
      6,
    );
  });

  it('says which model made the semantic part, and never calls the test model semantic', () => {
    const builtin = score(input(BUILTIN_MODEL_ID));
    expect(builtin.mode).toBe('semantic');
    expect(builtin.semanticModel).toEqual({
      id: BUILTIN_MODEL_ID,
      label: semanticCalibration(BUILTIN_MODEL_ID).label,
      semantic: true,
    });
    const tiny = score(input(TINY_MODEL_ID));
    expect(tiny.mode).toBe('lexical');
    expect(tiny.semanticModel?.semantic).toBe(false);
    expect(tiny.semanticModel?.label).toMatch(/test/i);
    expect(score().semanticModel).toBeUndefined();
  });
});
