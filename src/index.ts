/**
 * bangfu (帮扶): match registered poor-household labourers to vetted employer posts.
 *
 * The whole public API is listed here.
 *
 * @module
 */
export { BangfuValidationError, type SafeResult, type ValidationIssue } from './errors.js';
export {
  areaContains,
  countiesIn,
  divisionName,
  dongguanTowns,
  isAreaCode,
  isCountyCode,
  isTownCode,
  lookupCounty,
  type CountyInfo,
  type Division,
} from './divisions.js';
export type * from './types.js';
export type * from './reasons.js';
export type * from './policy/types.js';
