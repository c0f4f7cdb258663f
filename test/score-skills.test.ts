import { describe, expect, it } from 'vitest';
import { dongguanPolicy } from '../src/policy/dongguan.js';
import type { Policy, SkillDefinition } from '../src/policy/types.js';
import { LEARN_ON_JOB_CREDIT, linksOf, skillsComponent, skillsHeld } from '../src/score/skills.js';
import type { IsoDate, SkillId, SkillLevel } from '../src/types.js';
import { labourer, post } from './helpers/build.js';

// The skills component's routes, ties and taxonomy, each on a policy object of its own (the
// taxonomy's links are kept per policy object, so a fresh one builds them again).

const sk = (s: string) => s as SkillId;
const def = (id: string, related: [string, number][] = []): SkillDefinition => ({
  id: sk(id),
  name: { zh: id, en: id },
  related: related.map(([skill, credit]) => ({ skill: sk(skill), credit })),
});
const policyWith = (skills: SkillDefinition[]): Policy => ({ ...dongguanPolicy, skills });
const held = (skill: string, level: SkillLevel, certified = false) => ({
  skill: sk(skill),
  level,
  certified,
});
const trained = (course: string, skill?: string, level?: SkillLevel) => ({
  course,
  completedOn: '2025-01-01' as IsoDate,
  ...(skill === undefined ? {} : { grantsSkill: sk(skill) }),
  ...(level === undefined ? {} : { grantsLevel: level }),
});
const req = (skill: string, minLevel: SkillLevel = 5) => ({ skill: sk(skill), minLevel });

describe('linksOf', () => {
  it('links both ways with the larger credit, never a skill to itself, credits clamped to [0, 1]', () => {
    const links = linksOf(
      policyWith([
        def('a', [
          ['b', 0.5],
          ['a', 0.9],
          ['c', 1.7],
        ]),
        def('b', [['a', 0.8]]),
        def('c'),
      ]),
    );
    expect(links.get('a')?.get('b')).toBe(0.8);
    expect(links.get('b')?.get('a')).toBe(0.8);
    expect(links.get('a')?.has('a')).toBe(false);
    expect(links.get('a')?.get('c')).toBe(1);
    expect(links.get('c')?.get('a')).toBe(1);
    expect(links.has('z')).toBe(false);
  });
});

describe('skillsHeld', () => {
  it('each skill once, held first, then those trainings grant (a training granting nothing adds nothing)', () => {
    const w = labourer({
      skills: [held('welding', 4), held('cnc', 5), held('welding', 3)],
      trainings: [trained('t1'), trained('t2', 'forklift'), trained('t3', 'cnc'), trained('t4', 'forklift')],
    });
    expect(skillsHeld(w)).toEqual(['welding', 'cnc', 'forklift']);
  });
});

describe('skillsComponent routes', () => {
  const policy = policyWith([def('welding', [['electrician', 0.5]]), def('electrician'), def('cnc')]);
  const codesOf = (r: ReturnType<typeof skillsComponent>) => r.reasons.map((x) => x.code);

  it('of two held copies meeting the level alike, the first one is named', () => {
    const r = skillsComponent(
      policy,
      labourer({ skills: [held('welding', 4), held('welding', 3)] }),
      post({ trainsOnJob: false, requiredSkills: [req('welding', 4)] }),
    );
    expect(r.reasons[0]).toEqual({
      code: 'skill-required-met',
      params: { skill: 'welding', held: 4, required: 4 },
    });
  });

  it('below the level: the reason gives both levels and the credit', () => {
    const r = skillsComponent(
      policy,
      labourer({ skills: [held('welding', 5)] }),
      post({ trainsOnJob: false, requiredSkills: [req('welding', 4)] }),
    );
    expect(r.reasons[0]).toEqual({
      code: 'skill-required-below-level',
      params: { skill: 'welding', held: 5, required: 4, credit: 0.8 },
    });
  });

  it('of two courses granting the skill alike, the first is named', () => {
    const r = skillsComponent(
      policy,
      labourer({ trainings: [trained('course-a', 'welding', 5), trained('course-b', 'welding', 5)] }),
      post({ trainsOnJob: false, requiredSkills: [req('welding', 5)] }),
    );
    expect(r.reasons[0]).toEqual({
      code: 'skill-required-trained',
      params: { skill: 'welding', course: 'course-a', credit: 1 },
    });
  });

  it('a related skill earning exactly the on-the-job credit keeps its own reason', () => {
    const r = skillsComponent(
      policy,
      labourer({ skills: [held('electrician', 5)] }),
      post({ trainsOnJob: true, requiredSkills: [req('welding', 5)] }),
    );
    expect(LEARN_ON_JOB_CREDIT).toBe(0.5);
    expect(r.reasons[0]).toEqual({
      code: 'skill-required-related',
      params: { skill: 'welding', via: 'electrician', credit: 0.5 },
    });
  });

  it('of two related skills earning alike, the first held is named', () => {
    const p2 = policyWith([
      def('welding', [
        ['electrician', 0.5],
        ['cnc', 0.5],
      ]),
      def('electrician'),
      def('cnc'),
    ]);
    const r = skillsComponent(
      p2,
      labourer({ skills: [held('cnc', 5), held('electrician', 5)] }),
      post({ trainsOnJob: false, requiredSkills: [req('welding', 5)] }),
    );
    expect(r.reasons[0]).toEqual({
      code: 'skill-required-related',
      params: { skill: 'welding', via: 'cnc', credit: 0.5 },
    });
  });

  it('certified and optional skills: each reason with its parameters', () => {
    const r = skillsComponent(
      policy,
      labourer({ skills: [held('welding', 4, true), held('cnc', 5)] }),
      post({
        trainsOnJob: false,
        requiredSkills: [req('welding', 4)],
        optionalSkills: [req('cnc', 5), req('forklift', 5)],
      }),
    );
    expect(r.reasons).toEqual([
      { code: 'skill-required-met', params: { skill: 'welding', held: 4, required: 4 } },
      { code: 'skill-certified', params: { skill: 'welding' } },
      { code: 'skill-optional-held', params: { skill: 'cnc', credit: 1 } },
      { code: 'skill-optional-missing', params: { skill: 'forklift' } },
      { code: 'skills-used', params: { used: ['welding', 'cnc'], of: 2 } },
    ]);
  });

  it('says which skills are used only when one is', () => {
    const none = skillsComponent(
      policy,
      labourer({ skills: [held('cnc', 5)] }),
      post({ trainsOnJob: true, requiredSkills: [req('forklift', 5)] }),
    );
    expect(codesOf(none)).toEqual(['skill-required-learn-on-job', 'skills-unused']);
    expect(none.reasons[0]).toEqual({
      code: 'skill-required-learn-on-job',
      params: { skill: 'forklift', credit: LEARN_ON_JOB_CREDIT },
    });
    const noSkills = skillsComponent(policy, labourer({ skills: [] }), post({ requiredSkills: [] }));
    expect(codesOf(noSkills)).toEqual(['skills-none-required']);
  });
});
