import type { AppState } from '../state.ts';
import { STRINGS } from '../ui/strings.ts';

/** Lists what failed, in words, without hiding the rest of the page. */
export function Problems({ state }: { state: AppState }) {
  const problems = state.problems.value;
  if (problems.length === 0) return null;
  return (
    <div class="problems" role="alert">
      <strong>{STRINGS.problemHeading}</strong>
      <ul>
        {problems.map((message) => (
          <li key={message}>{message}</li>
        ))}
      </ul>
      <button type="button" onClick={() => (state.problems.value = [])}>
        {STRINGS.dismiss}
      </button>
    </div>
  );
}
