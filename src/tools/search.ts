// Search over the story's places, reference areas and claims. Pure: an index is built once from the loaded story,
// then each keystroke is a scan of short normalised strings (a few hundred entries; 100 000 claims stay well under
// a frame because each claim's text is normalised once, here, not per query).
//
// Matching is forgiving in the ways readers type place names: case, diacritics ("Goldsee" finds "Göldsee", "ə" is
// read as "e"), scripts (the Cyrillic and the Hayeren (hy) alphabets are folded to Latin letters, so a name typed in
// Latin letters finds one written in either script), and punctuation ("North-Pass", "North Pass").
import type { Story } from '../data/story.ts';
import type { ClaimFeature } from '../data/types.ts';
import type { Bounds } from '../map/camera.ts';
import { boundsOfGeometry } from './bounds.ts';

/** Letters that Unicode decomposition does not reduce to a Latin base letter. */
const LATIN_EXTRA: Record<string, string> = {
  ə: 'e',
  ı: 'i',
  ł: 'l',
  ø: 'o',
  đ: 'd',
  ß: 'ss',
  æ: 'ae',
  œ: 'oe',
  þ: 'th',
  ð: 'd',
};

/** A plain Latin reading of Cyrillic (close to the usual English romanisation). */
const CYRILLIC: Record<string, string> = {
  а: 'a',
  б: 'b',
  в: 'v',
  г: 'g',
  д: 'd',
  е: 'e',
  ё: 'e',
  ж: 'zh',
  з: 'z',
  и: 'i',
  й: 'y',
  к: 'k',
  л: 'l',
  м: 'm',
  н: 'n',
  о: 'o',
  п: 'p',
  р: 'r',
  с: 's',
  т: 't',
  у: 'u',
  ф: 'f',
  х: 'kh',
  ц: 'ts',
  ч: 'ch',
  ш: 'sh',
  щ: 'shch',
  ъ: '',
  ы: 'y',
  ь: '',
  э: 'e',
  ю: 'yu',
  я: 'ya',
  і: 'i',
  ї: 'yi',
  є: 'ye',
  ґ: 'g',
};

/** A plain Latin reading of the Hayeren (hy) alphabet (close to the usual English romanisation). */
const HAYEREN: Record<string, string> = {
  ա: 'a',
  բ: 'b',
  գ: 'g',
  դ: 'd',
  ե: 'e',
  զ: 'z',
  է: 'e',
  ը: 'e',
  թ: 't',
  ժ: 'zh',
  ի: 'i',
  լ: 'l',
  խ: 'kh',
  ծ: 'ts',
  կ: 'k',
  հ: 'h',
  ձ: 'dz',
  ղ: 'gh',
  ճ: 'ch',
  մ: 'm',
  յ: 'y',
  ն: 'n',
  շ: 'sh',
  ո: 'o',
  չ: 'ch',
  պ: 'p',
  ջ: 'j',
  ռ: 'r',
  ս: 's',
  վ: 'v',
  տ: 't',
  ր: 'r',
  ց: 'ts',
  ւ: 'v',
  փ: 'p',
  ք: 'k',
  օ: 'o',
  ֆ: 'f',
  և: 'ev',
};

/**
 * The form both the index and the query are compared in: lower case, no diacritics, Hayeren and Cyrillic read in
 * Latin letters, every run of other characters (spaces, hyphens, apostrophes, punctuation) one space.
 */
export function normalizeForSearch(text: string): string {
  let out = '';
  // Hayeren "ու" is one sound, "u"; fold it before the letters are read one by one.
  const lower = text.toLowerCase().replaceAll('ու', 'u');
  for (const char of lower.normalize('NFD')) {
    if (/\p{M}/u.test(char)) continue;
    out += LATIN_EXTRA[char] ?? CYRILLIC[char] ?? HAYEREN[char] ?? char;
  }
  return out.replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
}

export type SearchKind = 'place' | 'area' | 'claim';

export interface SearchEntry {
  kind: SearchKind;
  id: string;
  /** What the result list shows: a place's name, a claim's summary. */
  label: string;
  /** A second line: a place's other names, a claim's claimant and date. */
  detail: string;
  /** Where the result is on the map: the box to frame; null for a claim with no place. */
  bounds: Bounds | null;
  /** Normalised names (places, areas) or texts (claims) the query is matched against. */
  names: string[];
  texts: string[];
}

export interface SearchResult {
  entry: SearchEntry;
  /** Which of the entry's names or texts matched (as written in the data), for the list to show. */
  matched: string;
  score: number;
}

/** How much space to leave around a single point when framing it (degrees, about 2–3 km). */
const POINT_MARGIN_DEG = 0.025;

function unique(values: readonly string[]): string[] {
  return [...new Set(values.filter((v) => v.trim() !== ''))];
}

function claimTexts(claim: ClaimFeature): string[] {
  const p = claim.properties;
  return [p.claimant, p.summary, p.quote];
}

/** Every place, reference area and claim of the story, ready to search. */
export function buildSearchIndex(
  story: Pick<Story, 'places' | 'areas' | 'claims'>,
  describeClaim: (claim: ClaimFeature) => string,
): SearchEntry[] {
  const entries: SearchEntry[] = [];
  for (const place of story.places) {
    const p = place.properties;
    const all = unique([p.name, ...p.altNames, ...Object.values(p.names)]);
    entries.push({
      kind: 'place',
      id: p.id,
      label: p.name,
      detail: all.filter((n) => n !== p.name).join(' · '),
      bounds: boundsOfGeometry(place.geometry, POINT_MARGIN_DEG),
      names: all,
      texts: [],
    });
  }
  for (const area of story.areas) {
    const p = area.properties;
    const all = unique([p.name, ...p.altNames, ...Object.values(p.names)]);
    entries.push({
      kind: 'area',
      id: p.id,
      label: p.name,
      detail: all.filter((n) => n !== p.name).join(' · '),
      bounds: boundsOfGeometry(area.geometry, POINT_MARGIN_DEG),
      names: all,
      texts: [],
    });
  }
  for (const claim of story.claims) {
    entries.push({
      kind: 'claim',
      id: claim.properties.id,
      label: claim.properties.summary,
      detail: describeClaim(claim),
      bounds: claim.geometry ? boundsOfGeometry(claim.geometry, POINT_MARGIN_DEG) : null,
      names: [],
      texts: claimTexts(claim),
    });
  }
  return entries;
}

interface Prepared {
  entry: SearchEntry;
  names: { raw: string; norm: string }[];
  texts: { raw: string; norm: string }[];
}

/** The index with each name and text normalised, built once per story. */
export function prepareIndex(entries: readonly SearchEntry[]): Prepared[] {
  return entries.map((entry) => ({
    entry,
    names: entry.names.map((raw) => ({ raw, norm: normalizeForSearch(raw) })),
    texts: entry.texts.map((raw) => ({ raw, norm: normalizeForSearch(raw) })),
  }));
}

/** How well a normalised query matches one normalised string: whole, start, start of a word, anywhere; 0 if not. */
function matchScore(norm: string, query: string): number {
  if (norm === query) return 100;
  if (norm.startsWith(query)) return 80;
  if (` ${norm}`.includes(` ${query}`)) return 60;
  if (norm.includes(query)) return 40;
  return 0;
}

/**
 * The entries matching `query`, best first: places and areas by their names before claims by their words; within
 * each, whole-name matches before prefixes before words before substrings; ties keep the story's order.
 */
export function search(index: readonly Prepared[], query: string, limit = 8): SearchResult[] {
  const q = normalizeForSearch(query);
  if (q.length === 0) return [];
  const results: SearchResult[] = [];
  index.forEach(({ entry, names, texts }, order) => {
    let best = 0;
    let matched = '';
    for (const { raw, norm } of names) {
      const s = matchScore(norm, q);
      if (s > best) {
        best = s;
        matched = raw;
      }
    }
    // A claim's words weigh less than a place's name: a village's name finds the village first, then what was said.
    for (const { raw, norm } of texts) {
      const s = matchScore(norm, q) / 4;
      if (s > best) {
        best = s;
        matched = raw;
      }
    }
    // Single letters match too much inside long texts: only names may match a one- or two-letter query.
    if (best > 0 && (q.length > 2 || names.length > 0))
      results.push({ entry, matched, score: best - order * 1e-6 });
  });
  results.sort((a, b) => b.score - a.score);
  return results.slice(0, limit);
}
