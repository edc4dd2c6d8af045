// Messages between the page and the checks worker (checks-worker.ts).
import type { CheckResult } from '../checks/types.ts';
import type { Story } from './story.ts';

/** A data file the worker fetches itself: its absolute URL, and its name in the repository for messages. */
export interface WorkerFile {
  url: string;
  name: string;
}

export interface ChecksRequest {
  files: { checks: WorkerFile; basemap: WorkerFile; claims: WorkerFile };
  /** Positions in the claims file of the claims the page kept after validation: the worker measures these. */
  keptClaims: number[];
  /** How long each file may take (the page's own fetch timeout). */
  timeoutMs: number;
  places: Story['places'];
  areas: Story['areas'];
  borderLines: Story['borderLines'];
}

export interface ChecksReply {
  results: CheckResult[] | null;
  /** Plain-language problems for the page to show. */
  problems: string[];
}
