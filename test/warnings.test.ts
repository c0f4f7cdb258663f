import { describe, expect, it } from 'vitest';
import { checkEligibility } from '../src/eligibility.js';
import { parseDataset } from '../src/parse.js';
import { demoDataset } from '../src/sample.js';
import { datasetWarnings } from '../src/warnings.js';
import { validInput } from './helpers/valid-input.js';

/** w1 of the valid input born `birthDate`, holding a low-voltage electrician's certificate too. */
function withElectrician(birthDate: string) {
  const input = validInput();
  const w1 = input.labourers[0] as { birthDate: string; certificates: unknown[] };
  w1.birthDate = birthDate;
  w1.certificates.push({ certificate: 'electrician-low-voltage', issuedOn: '2025-12-01' });
  return parseDataset(input);
}

describe('datasetWarnings', () => {
  it('flags a labourer under 18 holding a special-operation certificate, in both languages', () => {
    // 17 on the as-of date 2026-03-01.
    const ds = withElectrician('2008-06-15');
    expect(datasetWarnings(ds)).toEqual([
      {
        path: 'labourers[0].certificates[1].certificate',
        code: 'minor-special-operation-certificate',
        message:
          'aged 17 on 2026-03-01 and holding a special-operation certificate, which is issued only at 18 ' +
          'or over: check the certificate and the birth date (2008-06-15)',
        messageZh:
          '2026-03-01 时年满 17 周岁，却持有特种作业操作证（须年满 18 周岁方可取得）：请核对证书与出生日期（2008-06-15）',
        value: 'electrician-low-voltage',
      },
    ]);
  });

  it('leaves an adult holder, and a minor holding only other certificates, alone', () => {
    expect(datasetWarnings(withElectrician('2008-03-01'))).toEqual([]); // 18 on the as-of date
    expect(datasetWarnings(parseDataset(validInput()))).toEqual([]);
    expect(datasetWarnings(demoDataset())).toEqual([]);
  });

  it('is a warning: the dataset stays valid and the rule still excludes the minor from such posts', () => {
    const input = validInput();
    const w1 = input.labourers[0] as { birthDate: string; certificates: unknown[] };
    w1.birthDate = '2008-06-15';
    w1.certificates.push({ certificate: 'electrician-low-voltage', issuedOn: '2025-12-01' });
    (input.posts[0] as { requiredCertificates: string[] }).requiredCertificates = ['electrician-low-voltage'];
    const ds = parseDataset(input);
    expect(datasetWarnings(ds)).toHaveLength(1);
    expect(checkEligibility(ds, ds.labourers[0]!, ds.posts[0]!).map((e) => e.code)).toContain(
      'minor-special-operation',
    );
  });
});
