/**
 * `bangfu/text`: every result as text for a caseworker, in Chinese (`'zh-CN'`) and English
 * (`'en'`) — rankings, assessments, exclusions, plans, unplaced reasons, advice, training plans,
 * retention and the follow-up list — and the English names of places ("Zhenxiong County
 * (镇雄县)"). The core's results are data (codes with their parameters); these renderers turn them
 * into words. Apart from the core so that a service that stores or forwards results, or renders
 * them itself, does not carry two languages of text and the pinyin table.
 *
 * @example
 * ```ts
 * import { rankPosts } from 'bangfu';
 * import { renderRanking } from 'bangfu/text';
 * import { demoDataset } from 'bangfu/sample';
 *
 * const dataset = demoDataset();
 * console.log(renderRanking(rankPosts(dataset, 'w0001', { top: 3 }), 'zh-CN', dataset));
 * ```
 *
 * @module
 */
export {
  renderEmployerRetention,
  renderRetention,
  retentionGroupLabel,
  retentionHeading,
} from '../render-retention.js';
export { followUpRows, renderFollowUps } from '../render-follow-up.js';
export { divisionNameEn, placeNameEn } from '../division-names-en.js';
export {
  EXCLUSIONS_EN,
  EXCLUSIONS_ZH,
  REASONS_EN,
  REASONS_ZH,
  namerFor,
  renderAssessment,
  renderBreakdown,
  renderExclusion,
  renderRanking,
  renderScoreReason,
  type Locale,
  type NameSource,
  type Namer,
  type Renderers,
} from '../render.js';
export {
  GROUP_FAILURES_EN,
  GROUP_FAILURES_ZH,
  RULE_LABELS,
  UNPLACED_EN,
  UNPLACED_LABELS,
  UNPLACED_ZH,
  renderPlan,
  renderPlanEntry,
  renderPlanSummary,
  renderUnplacedReason,
  type PlanSummaryTextOptions,
} from '../render-plan.js';
export {
  CHANGES_EN,
  CHANGES_ZH,
  FIXED_EN,
  FIXED_ZH,
  renderAdvice,
  renderChange,
  renderTrainingPlan,
} from '../render-advice.js';
