/**
 * Public API of the checks engine (browser- and Node-safe; no file system access).
 *
 * @packageDocumentation
 */
export { CheckDataError } from './errors.ts';
export { evaluateChecks } from './evaluate.ts';
export {
  formatMeasured,
  formatReported,
  formatTolerance,
  formatValue,
  formatVerdict,
} from './format.ts';
export type {
  AppliedTolerance,
  CheckDeclaration,
  CheckFile,
  CheckInputs,
  CheckResult,
  CheckUnit,
  MeasureDeclaration,
  ToleranceDeclaration,
  Verdict,
} from './types.ts';
export { validateDeclarations, validateInputs } from './validate.ts';
