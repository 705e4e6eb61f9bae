/** Public entry point of the scoring module. */
export {
  bandFor,
  isInjectionLine,
  LEXICAL_WEIGHTS,
  SCORER_VERSION,
  scoreMatch,
  textSimilarity,
} from './lexical';
export type { ScoreInput } from './lexical';
