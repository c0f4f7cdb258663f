import { describe, expect, it } from 'vitest';
import * as core from '../src/index.js';
import * as csv from '../src/entries/csv.js';
import * as report from '../src/entries/report.js';
import * as sample from '../src/entries/sample.js';
import * as text from '../src/entries/text.js';
import * as advice from '../src/entries/advice.js';
import * as outcomes from '../src/entries/outcomes.js';
import * as schema from '../src/entries/schema.js';
import * as node from '../src/node.js';

const ENTRIES = {
  bangfu: core,
  'bangfu/csv': csv,
  'bangfu/sample': sample,
  'bangfu/report': report,
  'bangfu/node': node,
  'bangfu/text': text,
  'bangfu/advice': advice,
  'bangfu/outcomes': outcomes,
  'bangfu/schema': schema,
};

/** What moved out of the core, and where to. */
const MOVED: Readonly<Record<string, readonly string[]>> = {
  'bangfu/csv': [
    'CSV_COLUMNS',
    'EMPLOYER_COLUMNS',
    'GROUP_COLUMNS',
    'LABOURER_COLUMNS',
    'POST_COLUMNS',
    'OUTCOME_COLUMNS',
    'decodeCsvBytes',
    'encodeCsvText',
    'encodeGb18030',
    'exportDatasetCsv',
    'importCsv',
    'importCsvOrThrow',
    'locateCsvIssues',
    'outcomesFromCsv',
    'outcomesToCsv',
    'writeCsv',
    'planToCsv',
  ],
  'bangfu/sample': [
    'demoDataset',
    'generateSample',
    'simulateOutcomes',
    'BASE_MONTHLY_HAZARD',
    'HAZARD_FACTORS',
  ],
  'bangfu/report': [
    'REPORT_REASON_CODES',
    'STABLE_EMPLOYMENT_MONTHS',
    'buildReport',
    'reportToMarkdown',
    'reportToHtml',
    'reportToCsv',
    'RETENTION_CHART_CURVES',
    'retentionToHtml',
    'retentionToMarkdown',
  ],
  'bangfu/text': [
    'renderRanking',
    'renderAssessment',
    'renderBreakdown',
    'renderExclusion',
    'renderScoreReason',
    'namerFor',
    'EXCLUSIONS_EN',
    'EXCLUSIONS_ZH',
    'REASONS_EN',
    'REASONS_ZH',
    'renderPlan',
    'renderPlanEntry',
    'renderPlanSummary',
    'renderUnplacedReason',
    'GROUP_FAILURES_EN',
    'GROUP_FAILURES_ZH',
    'RULE_LABELS',
    'UNPLACED_EN',
    'UNPLACED_LABELS',
    'UNPLACED_ZH',
    'renderAdvice',
    'renderChange',
    'renderTrainingPlan',
    'CHANGES_EN',
    'CHANGES_ZH',
    'FIXED_EN',
    'FIXED_ZH',
    'renderRetention',
    'renderEmployerRetention',
    'retentionGroupLabel',
    'retentionHeading',
    'renderFollowUps',
    'followUpRows',
    'divisionNameEn',
    'placeNameEn',
  ],
  'bangfu/advice': [
    'advise',
    'applyChanges',
    'birthdayAt',
    'compareSuggestions',
    'trainingChange',
    'CHANGE_CODES',
    'LIFTED_BY',
    'planTraining',
    'selectTraining',
    'trainingValue',
    'expectedRetention',
    'EXACT_OPTION_LIMIT',
    'GREEDY_RATIO',
  ],
  'bangfu/outcomes': [
    'parseOutcomes',
    'safeParseOutcomes',
    'lastKnownInWork',
    'placementEnd',
    'CONTACT_STATUSES',
    'FOR_CAUSE',
    'LEAVE_REASONS',
    'applyOutcomes',
    'replan',
    'verifyReplan',
    'followUps',
    'FOLLOW_UP_SCHEDULE',
    'retention',
    'employerRetention',
    'observationOf',
    'DAYS_PER_MONTH',
    'RETENTION_GROUPINGS',
    'RETENTION_MONTHS',
    'kaplanMeier',
    'survivalAt',
  ],
  'bangfu/schema': ['datasetJsonSchema', 'outcomesJsonSchema', 'graphJsonSchema'],
};

describe('entry points', () => {
  it('each name is exported by one entry point only', () => {
    const seen = new Map<string, string>();
    for (const [entry, mod] of Object.entries(ENTRIES)) {
      for (const name of Object.keys(mod)) {
        expect({ name, entry, also: seen.get(name) }).toEqual({ name, entry, also: undefined });
        seen.set(name, entry);
      }
    }
  });

  it('what left the core is exported, as a value, by the entry point it moved to', () => {
    for (const [entry, names] of Object.entries(MOVED)) {
      const mod: Record<string, unknown> = ENTRIES[entry as keyof typeof ENTRIES];
      for (const name of names) {
        expect({ entry, name, exported: mod[name] !== undefined }).toEqual({ entry, name, exported: true });
        expect({ name, inCore: name in core }).toEqual({ name, inCore: false });
      }
    }
  });

  it('the entry points work together: a sample dataset, planned by the core, summed up in words, reported and written as a sheet', () => {
    const dataset = sample.demoDataset();
    const plan = core.assign(dataset, { mode: 'greedy' });
    const md = report.reportToMarkdown(report.buildReport(plan, dataset), 'en');
    expect(md).toContain(String(plan.summary.placed));
    expect(text.renderPlanSummary(plan.summary, 'zh-CN')).toContain(String(plan.summary.placed));
    const sheet = new TextDecoder().decode(csv.planToCsv(plan, dataset));
    // One row per labourer, placed or not, after the header (nobody left out of the sheet).
    expect(sheet.trim().split(/\r?\n/)).toHaveLength(dataset.labourers.length + 1);
  });
});
