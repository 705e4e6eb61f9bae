/** Public entry point of the scoring module. */
export {
  bandFor,
  COMPONENT_LABELS,
  effectiveWeights,
  LEXICAL_WEIGHTS,
  prepareJob,
  prepareResume,
  requirementsInOrder,
  SCORE_WEIGHTS,
  matchContentKey,
  SCORER_VERSION,
  scoreMatch,
  scoreSummary,
} from './match';
export type { ComponentName, PreparedJob, PreparedResume, ScoreInput, ScoreSummary } from './match';
export { isInjectionLine, jobTextTerms, textSimilarity, textSimilarityFrom } from './lexical';
export {
  educationFit,
  experienceFit,
  highestDegree,
  locationFit,
  semanticSimilarity,
  titleSimilarity,
} from './components';
export type { SemanticInput } from './components';
export {
  DEFAULT_SEMANTIC_CALIBRATION,
  mapCosine,
  semanticCalibration,
  type SemanticCalibration,
  type SemanticMethod,
} from './semantic-calibration';
