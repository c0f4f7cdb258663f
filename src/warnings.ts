/**
 * Warnings about a valid dataset: data the law makes implausible, which a caseworker should check at
 * the source, but which the rules already handle, so the dataset is not refused for it.
 *
 * @module
 */
import type { ValidationIssue } from './errors.js';
import { ageOn } from './internal/dates.js';
import type { Dataset } from './types.js';

/** Codes of the warnings {@link datasetWarnings} gives. */
export type DatasetWarningCode = 'minor-special-operation-certificate';

/**
 * The warnings of a dataset, in labourer order: a labourer under the adult age (18) on the as-of
 * date who holds a special-operation certificate (特种作业操作证), which is issued only at 18 or over
 * (特种作业人员安全技术培训考核管理规定 art. 4): the certificate or the birth date is wrong. The
 * rules still exclude such a labourer from posts that require the certificate
 * (`minor-special-operation`); the warning asks for the record to be checked.
 *
 * @param dataset - A parsed dataset.
 * @returns One issue per such certificate, with its path, in English and Chinese.
 * @example
 * datasetWarnings(demoDataset()) //=> []
 */
export function datasetWarnings(dataset: Dataset): readonly ValidationIssue[] {
  const { asOf, policy } = dataset;
  const adult = policy.ageLaw.adultAge;
  const special = new Set(policy.certificates.filter((c) => c.specialOperation).map((c) => c.id));
  const out: ValidationIssue[] = [];
  dataset.labourers.forEach((l, i) => {
    const age = ageOn(l.birthDate, asOf);
    if (age >= adult) return;
    l.certificates.forEach((held, j) => {
      if (!special.has(held.certificate)) return;
      out.push({
        path: `labourers[${i}].certificates[${j}].certificate`,
        code: 'minor-special-operation-certificate',
        message:
          `aged ${age} on ${asOf} and holding a special-operation certificate, which is issued only ` +
          `at ${adult} or over: check the certificate and the birth date (${l.birthDate})`,
        messageZh:
          `${asOf} 时年满 ${age} 周岁，却持有特种作业操作证（须年满 ${adult} 周岁方可取得）：` +
          `请核对证书与出生日期（${l.birthDate}）`,
        value: held.certificate,
      });
    });
  });
  return out;
}
