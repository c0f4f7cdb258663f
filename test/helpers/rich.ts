/**
 * Datasets that use more of the model than `datasetArb` alone: certificates required and held
 * (valid, expired, not yet issued), refused destinations and parks, every mobility scope, unrecorded
 * gender, non-default score weights, more labourers than openings, pairs ended for cause and
 * employers' retention measured from outcomes; and small samples of the generator. For the planner's properties,
 * whose oracles enumerate every pair.
 */
import fc from 'fast-check';
import { parseDataset } from '../../src/parse.js';
import { generateSample } from '../../src/sample.js';
import type {
  AreaCode,
  CertificateId,
  Dataset,
  Destination,
  IsoDate,
  MobilityScope,
} from '../../src/types.js';
import { datasetArb } from './arbitraries.js';

const CERTS = ['electrician-low-voltage', 'forklift-n1', 'health-certificate'] as CertificateId[];
const REFUSALS: readonly Destination[] = [
  { kind: 'area', area: '4419' as AreaCode },
  { kind: 'area', area: '441900116' as AreaCode },
  { kind: 'park', park: 'yuedian' as never },
];
const SCOPES: readonly MobilityScope[] = ['anywhere', 'home-province', 'home-prefecture', 'home-county'];

/** A held certificate: valid, expired or not yet issued on the as-of date (2026-03-01). */
const heldArb = fc.record({
  certificate: fc.constantFrom(...CERTS),
  state: fc.constantFrom('valid', 'expired', 'future', 'open-ended'),
});

/** `datasetArb` with every feature switched on here and there. */
export const richDatasetArb: fc.Arbitrary<Dataset> = datasetArb.chain((ds) =>
  fc
    .record({
      posts: fc.array(fc.record({ certs: fc.subarray(CERTS, { maxLength: 2 }), use: fc.boolean() }), {
        minLength: ds.posts.length,
        maxLength: ds.posts.length,
      }),
      labourers: fc.array(
        fc.record({
          held: fc.array(heldArb, { maxLength: 3 }),
          refused: fc.subarray([...REFUSALS], { maxLength: 1 }),
          scope: fc.option(fc.constantFrom(...SCOPES), { nil: undefined }),
          genderless: fc.integer({ min: 0, max: 9 }),
          // An earlier placement ended for cause at one employer, now and then.
          barred: fc.option(fc.nat({ max: ds.employers.length - 1 }), { nil: undefined, freq: 3 }),
          barReason: fc.constantFrom('dismissed' as const, 'wages-unpaid' as const),
        }),
        { minLength: ds.labourers.length, maxLength: ds.labourers.length },
      ),
      scarce: fc.boolean(),
      // Retention measured from outcome records on some employers (it replaces the typed figure).
      measured: fc.array(
        fc.option(
          fc.record({
            placements: fc.integer({ min: 1, max: 40 }),
            rate: fc.constantFrom(0, 0.35, 0.8, 1),
          }),
          { nil: undefined },
        ),
        { minLength: ds.employers.length, maxLength: ds.employers.length },
      ),
      // The labourer's minimum pay soft now and then (scored instead of excluding).
      softPay: fc.integer({ min: 0, max: 3 }),
      // Non-default score weights now and then (they need not sum to 1; a zero weight drops a part).
      weights: fc.option(
        fc.record({
          skills: fc.constantFrom(0, 0.1, 0.4, 1, 3),
          pay: fc.constantFrom(0, 0.3, 1, 2),
          origin: fc.constantFrom(0, 0.2, 1, 5),
          employer: fc.constantFrom(0, 0.1, 1),
        }),
        { nil: undefined, freq: 3 },
      ),
    })
    .map(({ posts, labourers, scarce, weights, softPay, measured }) => ({
      ...ds,
      employers: ds.employers.map((e, i) => {
        const m = measured[i];
        return m === undefined ? e : { ...e, measuredRetention: { months: 6, ...m } };
      }),
      endedForCause: ds.labourers.flatMap((w, i) => {
        const x = labourers[i]!;
        if (x.barred === undefined) return [];
        const employer = ds.employers[x.barred]!.id;
        const post = ds.posts.find((p) => p.employer === employer)?.id ?? ds.posts[0]!.id;
        return [{ labourer: w.id, employer, post, reason: x.barReason, on: '2026-01-10' as IsoDate }];
      }),
      policy: {
        ...ds.policy,
        ...(weights === undefined || weights.skills + weights.pay + weights.origin + weights.employer === 0
          ? {}
          : { weights }),
        ...(softPay === 0 ? { labourerMinimumPay: 'soft' as const } : {}),
      },
      posts: ds.posts.map((p, i) => {
        const x = posts[i]!;
        return {
          ...p,
          ...(x.use ? { requiredCertificates: x.certs } : {}),
          ...(scarce ? { openings: p.filled + 1 } : {}),
        };
      }),
      labourers: ds.labourers.map((w, i) => {
        const x = labourers[i]!;
        const { gender: _gender, ...rest } = w;
        void _gender;
        return {
          ...(x.genderless === 0 ? rest : w),
          certificates: x.held.map((h) => ({
            certificate: h.certificate,
            ...(h.state === 'future'
              ? { issuedOn: '2026-06-01' as IsoDate }
              : { issuedOn: '2020-01-01' as IsoDate }),
            ...(h.state === 'expired'
              ? { validUntil: '2025-12-31' as IsoDate }
              : h.state === 'open-ended'
                ? {}
                : { validUntil: '2030-01-01' as IsoDate }),
          })),
          mobility: {
            ...w.mobility,
            ...(x.scope === undefined ? {} : { scope: x.scope }),
            refused: x.refused,
          },
        };
      }),
    })),
);

/** Small samples of the generator (real places, groups, many ties in pay). */
export const smallSampleArb: fc.Arbitrary<Dataset> = fc
  .record({
    seed: fc.integer({ min: 0, max: 1_000_000 }),
    labourers: fc.integer({ min: 1, max: 60 }),
    posts: fc.integer({ min: 1, max: 30 }),
  })
  .map((o) => parseDataset(generateSample(o)));
