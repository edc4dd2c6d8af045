// Messages between the page and the checks worker (checks-worker.ts).
import type { CheckResult } from '../checks/types.ts';
import type { Story } from './story.ts';

export interface ChecksRequest {
  baseUrl: string;
  /** ids of the claims the page kept after validation: the worker measures exactly these. */
  keptClaims: string[];
  places: Story['places'];
  border: Story['border'];
  lake: Story['lake'];
}

export interface ChecksReply {
  results: CheckResult[] | null;
  /** Plain-language problems for the page to show. */
  problems: string[];
}
