import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_EMBED_PARAMS,
  normalizeOrigin,
  parseEmbedParams,
  parseEmbedSearch,
} from '../../src/embed/params.ts';
import { defaultUrlState } from '../../src/url-state.ts';
import { story } from './stories.ts';

const S = story.manifest;

describe('embed URL parameters', () => {
  it('defaults to every control shown, cooperative gestures, the default id and any origin', () => {
    const { url, embed, warnings } = parseEmbedSearch('', S);
    expect(embed).toEqual(DEFAULT_EMBED_PARAMS);
    expect(url).toEqual(defaultUrlState(S));
    expect(warnings).toEqual([]);
  });

  it('reads the shared state parameters with the same parser as the full app', () => {
    const { url, warnings } = parseEmbedSearch(
      '?layers=claims-armenia,border&date=2021-05-20&mode=day&claim=am-goris-2021-05-12-verishen&lang=hy&map=10/39.6/46.2',
      S,
    );
    expect(warnings).toEqual([]);
    expect(url).toMatchObject({
      layers: ['claims-armenia', 'border'],
      date: '2021-05-20',
      mode: 'day',
      claim: 'am-goris-2021-05-12-verishen',
      lang: 'hy',
      camera: { zoom: 10, center: [46.2, 39.6] },
    });
  });

  it('hides controls with name=0 and keeps them with name=1', () => {
    const { value, warnings } = parseEmbedParams(
      '?title=0&legend=0&toggles=1&timeline=0&claims=0&checks=0&zoom=0&gestures=free',
    );
    expect(warnings).toEqual([]);
    expect(value.controls).toEqual({
      title: false,
      legend: false,
      toggles: true,
      timeline: false,
      claims: false,
      checks: false,
      zoom: false,
    });
    expect(value.gestures).toBe('free');
  });

  it('warns about malformed values by name and keeps the defaults', () => {
    const { value, warnings } = parseEmbedParams('?legend=yes&gestures=wild&zoom=&id=<script>');
    expect(value).toEqual(DEFAULT_EMBED_PARAMS);
    expect(warnings).toHaveLength(4);
    for (const name of ['legend=', 'gestures=', 'zoom=', 'id=']) {
      expect(warnings.some((warning) => warning.includes(name))).toBe(true);
    }
  });

  it('warns about unknown parameters, naming each, without breaking the rest', () => {
    const { embed, url, warnings } = parseEmbedSearch('?foo=1&title=0&bar=&lang=ru', S);
    expect(embed.controls.title).toBe(false);
    expect(url.lang).toBe('ru');
    expect(warnings).toEqual(['Ignored unknown URL parameters: foo, bar.']);
  });

  it('accepts what pym.js adds, and takes childId as the id (pym listens for it)', () => {
    const { embed, warnings } = parseEmbedSearch(
      '?initialWidth=640&childId=map&parentTitle=Some%20article&parentUrl=https%3A%2F%2Fnews.example%2Fa',
      S,
    );
    expect(warnings).toEqual([]);
    expect(embed.id).toBe('map');
  });

  it('uses childId over id when both are given and differ, and says so', () => {
    const { value, warnings } = parseEmbedParams('?id=mine&childId=map');
    expect(value.id).toBe('map');
    expect(warnings).toHaveLength(1);
    expect(parseEmbedParams('?id=map&childId=map').warnings).toEqual([]);
    expect(parseEmbedParams('?id=story-map_2').value.id).toBe('story-map_2');
  });

  it('rejects ids that could break the pym message format', () => {
    for (const id of ['a xPYMx b', 'x'.repeat(65), '-lead', '', 'a/b', 'a"b']) {
      const { value, warnings } = parseEmbedParams(`?id=${encodeURIComponent(id)}`);
      expect(value.id, id).toBe(DEFAULT_EMBED_PARAMS.id);
      expect(warnings, id).toHaveLength(1);
    }
  });

  it('reads allowed origins exactly, drops malformed ones, and fails closed when none is valid', () => {
    const { value, warnings } = parseEmbedParams(
      '?origins=https://news.example,http://localhost:8080,https://bad.example/path,javascript:alert(1)',
    );
    expect([...(value.origins ?? [])]).toEqual(['https://news.example', 'http://localhost:8080']);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toContain('https://bad.example/path');
    expect(warnings[0]).toContain('javascript:alert(1)');

    const none = parseEmbedParams('?origins=nonsense');
    expect(none.value.origins).toEqual(new Set());
    expect(none.warnings).toHaveLength(1);
  });

  it('normalizes only bare http(s) origins', () => {
    expect(normalizeOrigin('https://news.example')).toBe('https://news.example');
    expect(normalizeOrigin('https://news.example:443')).toBeNull();
    expect(normalizeOrigin('https://news.example/')).toBeNull();
    expect(normalizeOrigin('HTTPS://NEWS.EXAMPLE')).toBeNull();
    expect(normalizeOrigin('ftp://news.example')).toBeNull();
    expect(normalizeOrigin('null')).toBeNull();
  });

  it('never throws, whatever the query string', () => {
    fc.assert(
      fc.property(fc.string(), (search) => {
        const { embed, warnings } = parseEmbedSearch(search, S);
        expect(typeof embed.id).toBe('string');
        expect(Array.isArray(warnings)).toBe(true);
      }),
    );
  });
});
