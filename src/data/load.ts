// Loads the story's data for the page: the files are read and validated in a worker (story-worker.ts) where one
// can start, else on the page's thread (read-story.ts does the work either way); the figure checks are measured in
// another worker once the map has drawn.
import type { CheckResult } from '../checks/types.ts';
import type { StoryManifest } from '../story/manifest.ts';
import type { ChecksReply, ChecksRequest } from './checks-protocol.ts';
import checksWorkerUrl from './checks-worker.ts?worker&url';
import { FETCH_TIMEOUT_MS } from './fetch-timeout.ts';
import { fetchFile, type LoadOptions, type Report, readStory, type StoryFile } from './read-story.ts';
import { shareRepeatedStrings } from './share-strings.ts';
import type { Story } from './story.ts';
import type { StoryReply, StoryRequest } from './story-protocol.ts';
import storyWorkerUrl from './story-worker.ts?worker&url';
import { borderFile, type DataFile, dataUrl, fileName } from './urls.ts';

export { FETCH_TIMEOUT_MS, type LoadOptions };

/** Fetches and parses one data file of the story; reports and returns null when that fails. */
export function fetchJson(
  file: DataFile,
  baseUrl: string,
  report: Report,
  options: LoadOptions = {},
): Promise<unknown | null> {
  return fetchFile({ url: dataUrl(file, baseUrl), name: fileName(file) }, report, options);
}

export async function loadStory(
  story: StoryManifest,
  baseUrl: string,
  report: Report,
  options: LoadOptions = {},
): Promise<Story> {
  const names: DataFile[] = [
    'sources',
    'places',
    'areas',
    'claims',
    ...story.borderLines.map((line) => borderFile(line.id)),
  ];
  const files: StoryFile[] = names.map((file) => ({
    file,
    url: dataUrl(file, baseUrl),
    name: fileName(file),
  }));
  const fromWorker = await askWorker<StoryReply>(storyWorkerUrl, 'story', {
    files,
    manifest: story,
    timeoutMs: options.timeoutMs ?? FETCH_TIMEOUT_MS,
  } satisfies StoryRequest);
  if (fromWorker && 'reply' in fromWorker && fromWorker.reply.story) {
    const { story: read, problems } = fromWorker.reply;
    for (const problem of problems) report(problem);
    shareRepeatedStrings(read.claims);
    shareRepeatedStrings(read.places);
    return read;
  }
  // No worker here, or it failed: the page reads the files itself.
  return readStory(files, story, report, options);
}

/**
 * Sends one request to a new module worker and waits for its one reply; the worker is ended after it. null where
 * no worker can start (Node; a frame sandboxed without allow-same-origin has an opaque origin and may not start
 * one from our URL); `failed` when it started and then failed (a script error, or a file it could not load).
 */
async function askWorker<Reply>(
  url: string,
  name: string,
  request: unknown,
): Promise<{ reply: Reply } | { failed: string } | null> {
  if (typeof Worker === 'undefined') return null;
  let worker: Worker;
  try {
    worker = new Worker(url, { type: 'module', name });
  } catch {
    return null;
  }
  const answer = await new Promise<{ reply: Reply } | { failed: string }>((resolve) => {
    worker.onmessage = (event: MessageEvent<Reply>) => resolve({ reply: event.data });
    worker.onerror = (event) => resolve({ failed: event.message || 'worker failed' });
    worker.postMessage(request);
  });
  worker.terminate();
  return answer;
}

/**
 * Computes the checks from the same data the map shows, in a worker (data/checks-worker.ts), so the page's thread
 * never spends the measuring time. The worker fetches checks.json and the basemap (MapLibre fetched the basemap
 * already: it comes from the HTTP cache). Called after the story has loaded, so it never delays the map.
 */
export async function loadChecks(
  baseUrl: string,
  story: Story,
  report: Report,
  options: LoadOptions = {},
): Promise<CheckResult[] | null> {
  // The worker reads the files itself, by URL: it imports nothing of the built story (no module state to share).
  const file = (name: DataFile) => ({ url: dataUrl(name, baseUrl), name: fileName(name) });
  const request: ChecksRequest = {
    files: { checks: file('checks'), basemap: file('basemap'), claims: file('claims') },
    keptClaims: story.claimPositions ?? [],
    timeoutMs: options.timeoutMs ?? FETCH_TIMEOUT_MS,
    places: story.places,
    areas: story.areas,
    borderLines: story.borderLines,
  };
  const answer = await askWorker<ChecksReply>(checksWorkerUrl, 'checks', request);
  // Where no worker can start, the checks are measured on the page's thread, as they were before the worker.
  if (!answer) return measureHere(baseUrl, story, report, options);
  if ('failed' in answer) {
    report(`The figures could not be checked: ${answer.failed}`);
    return null;
  }
  for (const problem of answer.reply.problems) report(problem);
  return answer.reply.results;
}

/** The same measurement on the page's thread: only where no worker can be started. */
async function measureHere(
  baseUrl: string,
  story: Story,
  report: Report,
  options: LoadOptions,
): Promise<CheckResult[] | null> {
  const [engine, checks, basemap] = await Promise.all([
    import('../checks/index.ts'),
    fetchJson('checks', baseUrl, report, options),
    fetchJson('basemap', baseUrl, report, options),
  ]);
  // Without the declarations there is nothing to check; anything else missing only fails the checks that need it.
  if (checks === null) {
    report('The figures could not be checked because the checks file is missing.');
    return null;
  }
  const collection = <T>(features: T[]) => ({ type: 'FeatureCollection' as const, features });
  try {
    return engine.evaluateChecks({
      checks: checks as never,
      basemap: (basemap ?? collection([])) as never,
      places: collection(story.places),
      claims: collection(story.claims),
      borderLines: story.borderLines.map((line) => ({ ...line, features: collection(line.features) })),
      areas: collection(story.areas),
    });
  } catch (error) {
    report(`The figures could not be checked: ${error instanceof Error ? error.message : String(error)}`);
    return null;
  }
}
