/**
 * `bangfu/advice`: the caseworker's tools beyond the plan — what it would take for a labourer to
 * get a post (`advise`: the changes that lift each exclusion, the rivals ahead, what no change can
 * lift) and which trainings at origin would place the most within a budget (`planTraining`). Apart
 * from the core so that a service that only validates, ranks and plans does not carry them.
 * `bangfu/text` renders their results (`renderAdvice`, `renderTrainingPlan`).
 *
 * @example
 * ```ts
 * import { advise } from 'bangfu/advice';
 * import { renderAdvice } from 'bangfu/text';
 * import { demoDataset } from 'bangfu/sample';
 *
 * const dataset = demoDataset();
 * console.log(renderAdvice(advise(dataset, 'w0001'), 'en', dataset));
 * ```
 *
 * @module
 */
export {
  CHANGE_CODES,
  LIFTED_BY,
  advise,
  applyChanges,
  birthdayAt,
  compareSuggestions,
  trainingChange,
  type Advice,
  type AdviseOptions,
  type Change,
  type ChangeCode,
  type ChangeParams,
  type FixedExclusion,
  type FixedWhy,
  type PostOutlook,
  type Rival,
  type Scenario,
  type Suggestion,
  type Unlock,
  type WaitReason,
} from '../advise.js';
export {
  EXACT_OPTION_LIMIT,
  GREEDY_RATIO,
  expectedRetention,
  planTraining,
  selectTraining,
  trainingValue,
  type ChosenCourse,
  type PlacedFigures,
  type TrainingGuarantee,
  type TrainingObjective,
  type TrainingOption,
  type TrainingOptionsOptions,
  type TrainingPlan,
  type TrainingPlanOptions,
} from '../train.js';
