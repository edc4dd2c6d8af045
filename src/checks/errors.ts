/**
 * The one error the checks engine throws: the data or the declarations are not usable.
 *
 * @packageDocumentation
 */

/** Bad input: lists every problem found, in plain words. */
export class CheckDataError extends Error {
  readonly problems: string[];
  constructor(problems: string[]) {
    super(`The check data has ${problems.length} problem(s):\n- ${problems.join('\n- ')}`);
    this.name = 'CheckDataError';
    this.problems = problems;
  }
}
