// Computes the figure checks off the main thread: measuring takes ~0.6 s on a slow device, which on the page's
// thread would be one long task right after the map has drawn. The engine itself (src/checks) stays pure; this
// file only feeds it. The story's small files come from the page (what it loaded and validated); the claims are
// read again here from the same file, keeping exactly the claims the page kept, so no claim is copied between
// threads however many there are.
import { evaluateChecks } from '../checks/index.ts';
import { shownText } from '../shown-text.ts';
import type { ChecksReply, ChecksRequest, WorkerFile } from './checks-protocol.ts';
import { byStatementDate } from './story.ts';
import type { ClaimFeature } from './types.ts';
import { decodeUtf8 } from './utf8.ts';
import { parseJson } from './validate.ts';

const post = (reply: ChecksReply) => self.postMessage(reply);

async function fetchData({ url, name }: WorkerFile, timeoutMs: number, report: (message: string) => void) {
  const signal = AbortSignal.timeout(timeoutMs);
  try {
    const response = await fetch(url, { signal });
    if (!response.ok) {
      report(`${name} could not be loaded (HTTP ${response.status}); the figures cannot be checked.`);
      return null;
    }
    const decoded = decodeUtf8(new Uint8Array(await response.arrayBuffer()));
    if (!decoded.ok) {
      report(`${name}: ${decoded.message}; the figures that need it cannot be checked.`);
      return null;
    }
    const parsed = parseJson(decoded.text, name);
    if (parsed.ok) return parsed.value;
    const { line, column, message } = parsed.problem;
    report(shownText(`${name}${line ? ` at line ${line}, column ${column}` : ''}: ${message}.`));
  } catch (error) {
    if (signal.aborted) {
      report(
        `${name} did not arrive within ${Math.round(timeoutMs / 100) / 10} s; the figures that need it cannot be checked.`,
      );
    } else {
      report(
        `${name} could not be loaded (${shownText(error instanceof Error ? error.message : 'network error')}).`,
      );
    }
  }
  return null;
}

self.onmessage = async ({ data }: MessageEvent<ChecksRequest>) => {
  const problems: string[] = [];
  const report = (message: string) => problems.push(message);
  const [checks, basemap, claimsFile] = await Promise.all(
    [data.files.checks, data.files.basemap, data.files.claims].map((file) =>
      fetchData(file, data.timeoutMs, report),
    ),
  );
  // Without the declarations there is nothing to check; a missing basemap or claims file fails only the checks
  // that need it (the engine says which).
  if (!checks) {
    report('The figures could not be checked because the checks file is missing.');
    post({ results: null, problems });
    return;
  }
  // Exactly the claims the page kept, by their positions in the file (their one identity), in the page's order
  // (by statement date), so every measurement sees the claims as it would on the page.
  const features = (claimsFile as { features?: ClaimFeature[] } | null)?.features ?? [];
  const claims = data.keptClaims
    .flatMap((position) => (features[position] ? [features[position]] : []))
    .sort(byStatementDate);
  const collection = <T>(features: T[]) => ({ type: 'FeatureCollection' as const, features });
  try {
    const results = evaluateChecks({
      checks: checks as never,
      basemap: (basemap ?? collection([])) as never,
      places: collection(data.places),
      claims: collection(claims),
      borderLines: data.borderLines.map((line) => ({ ...line, features: collection(line.features) })),
      areas: collection(data.areas),
    });
    post({ results, problems });
  } catch (error) {
    report(`The figures could not be checked: ${error instanceof Error ? error.message : String(error)}`);
    post({ results: null, problems });
  }
};
