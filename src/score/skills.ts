/**
 * The skills component: how well a labourer's skills, trainings and related skills cover what a
 * post asks for.
 *
 * @module
 */
import type { Policy } from '../policy/types.js';
import type { PartScore, ScoreReason } from '../reasons.js';
import type { Labourer, Post, SkillId, SkillLevel, SkillRequirement } from '../types.js';
import { clamp01, component, type ComponentResult } from './parts.js';

/**
 * Part weights of the skills component. The component is their weighted mean over the parts that
 * apply, so only proportions matter: with every part present they are required 0.6, use 0.2,
 * optional 0.12, certified 0.08. `use` is null for a labourer with no skill, and the other three
 * keep the proportions they had before `use` existed, so an unskilled labourer's values do not change.
 *
 * @example
 * SKILL_PART_WEIGHTS.required //=> 0.75
 * SKILL_PART_WEIGHTS.use //=> 0.25
 */
export const SKILL_PART_WEIGHTS = { required: 0.75, use: 0.25, optional: 0.15, certified: 0.1 } as const;

/**
 * Credit for a required skill the labourer lacks when the post trains beginners on the job.
 *
 * @example
 * LEARN_ON_JOB_CREDIT //=> 0.5
 */
export const LEARN_ON_JOB_CREDIT = 0.5;

/**
 * The credit a skill held at `held` earns towards a requirement of `required`: 1 if it meets it
 * (`held ≤ required`, a smaller number being a higher qualification), else `max(0.3, 1 − 0.2 × gap)`
 * with `gap = held − required`.
 *
 * @param held - The level held, 5 (初级工) … 1 (高级技师).
 * @param required - The least level the post accepts.
 * @returns The level factor in [0.3, 1].
 * @example
 * levelFactor(4, 5) //=> 1
 * levelFactor(5, 3) //=> 0.6
 */
export function levelFactor(held: SkillLevel, required: SkillLevel): number {
  if (held <= required) return 1;
  return Math.max(0.3, 1 - 0.2 * (held - required));
}

/** A skill the labourer can show: held directly, or granted by a completed training. */
interface Holding {
  readonly skill: SkillId;
  readonly level: SkillLevel;
  readonly course?: string;
}

function holdingsOf(labourer: Pick<Labourer, 'skills' | 'trainings'>): readonly Holding[] {
  const out: Holding[] = labourer.skills.map((s) => ({ skill: s.skill, level: s.level }));
  for (const t of labourer.trainings) {
    if (t.grantsSkill === undefined) continue;
    out.push({ skill: t.grantsSkill, level: t.grantsLevel ?? 5, course: t.course });
  }
  return out;
}

const linkCache = new WeakMap<Policy, ReadonlyMap<string, ReadonlyMap<string, number>>>();

/**
 * Symmetric taxonomy links: the credit between two skills, the larger of the two directions.
 * Built once per policy; the compiled index reads the same map.
 *
 * @param policy - The programme policy (its skill taxonomy).
 * @returns For each skill, the linked skills and their credit in [0, 1].
 * @example
 * linksOf(dongguanPolicy).get('welding')?.get('electrician') //=> a credit in [0, 1], if linked
 */
export function linksOf(policy: Policy): ReadonlyMap<string, ReadonlyMap<string, number>> {
  let links = linkCache.get(policy);
  if (links === undefined) {
    const m = new Map<string, Map<string, number>>();
    const put = (a: string, b: string, credit: number): void => {
      if (a === b) return;
      let row = m.get(a);
      if (row === undefined) m.set(a, (row = new Map()));
      row.set(b, Math.max(row.get(b) ?? 0, clamp01(credit)));
    };
    for (const def of policy.skills) {
      for (const r of def.related) {
        put(def.id, r.skill, r.credit);
        put(r.skill, def.id, r.credit);
      }
    }
    links = m;
    linkCache.set(policy, links);
  }
  return links;
}

/**
 * The distinct skills a labourer has, held or granted by a completed training, in first-seen order
 * (held skills first, then trainings in their order).
 *
 * @param labourer - The labourer.
 * @returns The skill ids, each once.
 * @example
 * skillsHeld(labourer({ skills: [{ skill: 'welding', level: 5, certified: false }] })) //=> ['welding']
 */
export function skillsHeld(labourer: Pick<Labourer, 'skills' | 'trainings'>): readonly SkillId[] {
  const out: SkillId[] = [];
  for (const s of labourer.skills) if (!out.includes(s.skill)) out.push(s.skill);
  for (const t of labourer.trainings) {
    if (t.grantsSkill !== undefined && !out.includes(t.grantsSkill)) out.push(t.grantsSkill);
  }
  return out;
}

/**
 * How far a post uses one skill of the labourer: 1 if the post asks for it (required or optional),
 * else the best taxonomy link from it to a skill the post asks for, else 0.
 */
function useOf(skill: SkillId, post: Post, links: ReadonlyMap<string, ReadonlyMap<string, number>>): number {
  const row = links.get(skill);
  let use = 0;
  for (const asked of [post.requiredSkills, post.optionalSkills]) {
    for (const r of asked) {
      const c = r.skill === skill ? 1 : (row?.get(r.skill) ?? 0);
      if (c > use) use = c;
    }
  }
  return use;
}

/** The best credit for one skill requirement and the reason that earned it. */
function creditFor(
  req: SkillRequirement,
  holdings: readonly Holding[],
  links: ReadonlyMap<string, ReadonlyMap<string, number>>,
): { readonly credit: number; readonly reason: ScoreReason | undefined } {
  let credit = 0;
  let reason: ScoreReason | undefined;
  // Routes in order of preference; a later route replaces an earlier one only if strictly better.
  for (const h of holdings) {
    if (h.skill !== req.skill || h.course !== undefined) continue;
    const c = levelFactor(h.level, req.minLevel);
    if (c > credit) {
      credit = c;
      reason =
        c === 1
          ? {
              code: 'skill-required-met',
              params: { skill: req.skill, held: h.level, required: req.minLevel },
            }
          : {
              code: 'skill-required-below-level',
              params: { skill: req.skill, held: h.level, required: req.minLevel, credit: c },
            };
    }
  }
  for (const h of holdings) {
    if (h.skill !== req.skill || h.course === undefined) continue;
    const c = levelFactor(h.level, req.minLevel);
    if (c > credit) {
      credit = c;
      reason = { code: 'skill-required-trained', params: { skill: req.skill, course: h.course, credit: c } };
    }
  }
  const row = links.get(req.skill);
  if (row !== undefined) {
    for (const h of holdings) {
      const link = row.get(h.skill);
      if (link === undefined) continue;
      const c = link * levelFactor(h.level, req.minLevel);
      if (c > credit) {
        credit = c;
        reason = { code: 'skill-required-related', params: { skill: req.skill, via: h.skill, credit: c } };
      }
    }
  }
  return { credit, reason };
}

/**
 * The best credit a labourer earns towards one skill requirement by the routes of the skills
 * component other than learning on the job: held at any level, granted by a completed training, or
 * a related skill of the taxonomy. The same function {@link skillsComponent} uses, so a credit
 * above 0 here is a route there; the eligibility rule `required-skill-missing` reads it.
 *
 * Complexity: O(H) for H held skills and trainings (taxonomy links indexed once per policy).
 *
 * @param policy - The programme policy (its skill taxonomy).
 * @param labourer - The labourer.
 * @param req - The requirement (skill and least level).
 * @returns The credit in [0, 1]; 0 if no route reaches the skill.
 * @example
 * requirementCredit(policy, labourer({ skills: [{ skill: 'welding', level: 5, certified: false }] }),
 *   { skill: 'welding', minLevel: 3 }) //=> 0.6
 * requirementCredit(policy, labourer(), { skill: 'welding', minLevel: 5 }) //=> 0
 */
export function requirementCredit(
  policy: Policy,
  labourer: Pick<Labourer, 'skills' | 'trainings'>,
  req: SkillRequirement,
): number {
  return creditFor(req, holdingsOf(labourer), linksOf(policy)).credit;
}

/**
 * Scores how well a labourer's skills cover a post's requirements.
 *
 * Each required skill earns the best credit over these routes:
 * - held at a level that meets `minLevel` → 1 (`skill-required-met`); held at a lower qualification →
 *   {@link levelFactor} `= max(0.3, 1 − 0.2 × gap)` (`skill-required-below-level`);
 * - granted by a completed training (`grantsLevel`, default 5) → the same level factor
 *   (`skill-required-trained`);
 * - a related skill of the policy taxonomy (a link in either direction, the larger credit) held or
 *   trained → `link credit × level factor` (`skill-required-related`);
 * - none of these but the post trains on the job → 0.5 (`skill-required-learn-on-job`); else 0
 *   (`skill-required-missing`). Such a pair is also excluded by the eligibility rule
 *   `required-skill-missing` (see {@link requirementCredit}), so it is scored only for explanations.
 *
 * Parts (weights {@link SKILL_PART_WEIGHTS}; as shares when all apply: 0.6, 0.2, 0.12, 0.08):
 * - `required` = mean credit of the required skills (1 if none, `skills-none-required`), weight 0.75;
 * - `use` = the share of the labourer's skills (held and trained, each skill once) that the post
 *   asks for, required or optional: a skill asked for counts 1, a skill linked in the taxonomy to
 *   one asked for counts the link's credit (the best link), any other 0 (`skills-used`,
 *   `skills-unused`); null for a labourer with no skill, so the unskilled lose nothing. Weight 0.25.
 *   It keeps a trained auto mechanic's auto-repair post above general labour that asks for nothing;
 * - `optional` = mean credit of the optional skills by the same routes as required ones except
 *   learning on the job (null if none), weight 0.15;
 * - `certified` = share of required skills met by a certified held skill (null if none required),
 *   weight 0.10.
 *
 * Monotonicity: every credit is a maximum over routes, so adding a skill or training never lowers
 * `required`, `optional` or `certified`. Adding a skill the post asks for also never lowers `use`:
 * the new skill counts 1 and `(Σu + 1)/(n + 1) ≥ Σu/n` because `Σu ≤ n`; where the labourer had no
 * skill, `use` appears with the value 1, which cannot lower a weighted mean of values in [0, 1]. So
 * adding a held skill the post asks for never lowers the component. Adding a skill the post does not
 * use can lower it, by design.
 *
 * @param policy - The programme policy (its skill taxonomy).
 * @param labourer - The labourer.
 * @param post - The post.
 * @returns The component value in [0, 1], its parts and reasons.
 * @example
 * skillsComponent(policy, labourer({ skills: [{ skill: 'welding', level: 4, certified: true }] }),
 *   post({ requiredSkills: [{ skill: 'welding', minLevel: 5 }] })).value //=> 1
 *
 * Complexity: O(R·H + H²) for R required and optional skills and H held skills and trainings
 * (taxonomy links are indexed once per policy).
 */
export function skillsComponent(policy: Policy, labourer: Labourer, post: Post): ComponentResult {
  const holdings = holdingsOf(labourer);
  const links = linksOf(policy);
  const reasons: ScoreReason[] = [];

  let requiredSum = 0;
  let certifiedCount = 0;
  for (const req of post.requiredSkills) {
    let { credit, reason } = creditFor(req, holdings, links);
    if (reason === undefined || (post.trainsOnJob && credit < LEARN_ON_JOB_CREDIT)) {
      if (post.trainsOnJob) {
        credit = LEARN_ON_JOB_CREDIT;
        reason = { code: 'skill-required-learn-on-job', params: { skill: req.skill, credit } };
      } else {
        credit = 0;
        reason = { code: 'skill-required-missing', params: { skill: req.skill } };
      }
    }
    reasons.push(reason);
    requiredSum += credit;
    const certified = labourer.skills.some(
      (s) => s.skill === req.skill && s.certified && s.level <= req.minLevel,
    );
    if (certified) {
      certifiedCount += 1;
      reasons.push({ code: 'skill-certified', params: { skill: req.skill } });
    }
  }
  const nRequired = post.requiredSkills.length;
  if (nRequired === 0) reasons.push({ code: 'skills-none-required', params: {} });

  let optionalSum = 0;
  for (const opt of post.optionalSkills) {
    const { credit, reason } = creditFor(opt, holdings, links);
    optionalSum += credit;
    reasons.push(
      reason === undefined
        ? { code: 'skill-optional-missing', params: { skill: opt.skill } }
        : { code: 'skill-optional-held', params: { skill: opt.skill, credit } },
    );
  }
  const nOptional = post.optionalSkills.length;

  // Summed in `skillsHeld` order; the kernel sums in the same order.
  const own = skillsHeld(labourer);
  let useSum = 0;
  const used: SkillId[] = [];
  const unused: SkillId[] = [];
  for (const skill of own) {
    const u = useOf(skill, post, links);
    useSum += u;
    (u > 0 ? used : unused).push(skill);
  }
  if (used.length > 0) reasons.push({ code: 'skills-used', params: { used, of: own.length } });
  if (unused.length > 0) reasons.push({ code: 'skills-unused', params: { unused } });

  const parts: PartScore[] = [
    {
      part: 'required',
      value: nRequired === 0 ? 1 : requiredSum / nRequired,
      weight: SKILL_PART_WEIGHTS.required,
    },
    {
      part: 'use',
      value: own.length === 0 ? null : useSum / own.length,
      weight: SKILL_PART_WEIGHTS.use,
    },
    {
      part: 'optional',
      value: nOptional === 0 ? null : optionalSum / nOptional,
      weight: SKILL_PART_WEIGHTS.optional,
    },
    {
      part: 'certified',
      value: nRequired === 0 ? null : certifiedCount / nRequired,
      weight: SKILL_PART_WEIGHTS.certified,
    },
  ];
  return component(parts, reasons);
}
