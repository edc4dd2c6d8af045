import { describe, expect, it } from 'vitest';
import {
  announcementTargets,
  claimMessage,
  dateMessage,
  type InboundContext,
  isAllowedSender,
  layersMessage,
  parseInbound,
  readyMessage,
} from '../../src/embed/messages.ts';
import { story } from './stories.ts';

const S = story.manifest;
const CLAIM = 'am-goris-2021-05-12-verishen';
const context: InboundContext = { id: 'map', claimExists: (id) => id === CLAIM, story: S };
const parse = (data: unknown) => parseInbound(data, context);

describe('inbound messages', () => {
  it('accepts the old layer name "lake" (the story’s alias of "areas"), so existing embeds keep working', () => {
    expect(parse({ target: 'conflict-map', type: 'setLayers', layers: ['lake', 'border'] })).toEqual({
      kind: 'command',
      command: { type: 'setLayers', layers: ['border', 'areas'] },
    });
    expect(parse({ target: 'conflict-map', type: 'setLayers', layers: ['lake', 'areas'] }).kind).toBe(
      'invalid',
    );
  });

  it('accepts the three commands in their exact shapes', () => {
    expect(
      parse({ target: 'conflict-map', type: 'setLayers', layers: ['border', 'claims-armenia'] }),
    ).toEqual({
      kind: 'command',
      // Always in the layers' fixed order.
      command: { type: 'setLayers', layers: ['claims-armenia', 'border'] },
    });
    expect(parse({ target: 'conflict-map', type: 'setLayers', layers: [] })).toEqual({
      kind: 'command',
      command: { type: 'setLayers', layers: [] },
    });
    expect(parse({ target: 'conflict-map', type: 'setDate', date: '2021-05-20' })).toEqual({
      kind: 'command',
      command: { type: 'setDate', date: '2021-05-20' },
    });
    expect(parse({ target: 'conflict-map', type: 'setDate', date: '2021-05-20', mode: 'day' })).toEqual({
      kind: 'command',
      command: { type: 'setDate', date: '2021-05-20', mode: 'day' },
    });
    expect(parse({ target: 'conflict-map', type: 'selectClaim', claim: CLAIM })).toEqual({
      kind: 'command',
      command: { type: 'selectClaim', claim: CLAIM },
    });
    expect(parse({ target: 'conflict-map', type: 'selectClaim', claim: null })).toEqual({
      kind: 'command',
      command: { type: 'selectClaim', claim: null },
    });
  });

  it('takes a command that names this embed, and leaves one for another embed alone', () => {
    expect(parse({ target: 'conflict-map', id: 'map', type: 'setDate', date: '2021-05-20' }).kind).toBe(
      'command',
    );
    expect(parse({ target: 'conflict-map', id: 'other', type: 'setDate', date: '2021-05-20' }).kind).toBe(
      'other',
    );
    expect(parse({ target: 'conflict-map', id: 7, type: 'setDate', date: '2021-05-20' }).kind).toBe(
      'invalid',
    );
  });

  it('ignores, silently, whatever is not addressed to it', () => {
    for (const data of [
      null,
      undefined,
      42,
      'pymxPYMxmapxPYMxwidthxPYMx640',
      JSON.stringify({ target: 'conflict-map', type: 'setDate', date: '2021-05-20' }),
      [{ target: 'conflict-map' }],
      { sentinel: 'amp', type: 'embed-size', height: 10 },
      { target: 'someone-else', type: 'setDate', date: '2021-05-20' },
    ]) {
      expect(parse(data), JSON.stringify(data)).toEqual({ kind: 'other' });
    }
  });

  it('rejects malformed commands with a reason', () => {
    const bad: unknown[] = [
      { target: 'conflict-map' },
      { target: 'conflict-map', type: 'eval', code: 'alert(1)' },
      { target: 'conflict-map', type: 'constructor' },
      { target: 'conflict-map', type: 'toString' },
      { target: 'conflict-map', type: 'setLayers' },
      { target: 'conflict-map', type: 'setLayers', layers: 'claims-armenia' },
      { target: 'conflict-map', type: 'setLayers', layers: ['nope'] },
      { target: 'conflict-map', type: 'setLayers', layers: ['border', 'border'] },
      { target: 'conflict-map', type: 'setLayers', layers: [1] },
      { target: 'conflict-map', type: 'setLayers', layers: ['border'], extra: true },
      { target: 'conflict-map', type: 'setDate', date: '2020-01-01' },
      { target: 'conflict-map', type: 'setDate', date: '2021-5-20' },
      { target: 'conflict-map', type: 'setDate', date: 20210520 },
      { target: 'conflict-map', type: 'setDate', date: '2021-05-20', mode: 'week' },
      { target: 'conflict-map', type: 'setDate', date: '2021-05-20', mode: undefined },
      { target: 'conflict-map', type: 'selectClaim', claim: 'no-such-claim' },
      { target: 'conflict-map', type: 'selectClaim', claim: '<img src=x onerror=alert(1)>' },
      { target: 'conflict-map', type: 'selectClaim', claim: ['am-goris-2021-05-12-verishen'] },
      { target: 'conflict-map', type: 'selectClaim' },
    ];
    for (const data of bad) {
      const result = parse(data);
      expect(result.kind, JSON.stringify(data)).toBe('invalid');
      if (result.kind === 'invalid') expect(result.reason.length).toBeGreaterThan(0);
    }
  });

  it('rejects objects that are not plain (a class instance cannot pose as a command)', () => {
    class Sneaky {
      target = 'conflict-map';
      type = 'setDate';
      date = '2021-05-20';
    }
    expect(parse(new Sneaky()).kind).toBe('other');
  });

  it('rejects a claim before the story has loaded (no claim exists yet)', () => {
    const early = parseInbound(
      { target: 'conflict-map', type: 'selectClaim', claim: CLAIM },
      { id: 'map', claimExists: () => false, story: S },
    );
    expect(early.kind).toBe('invalid');
  });
});

describe('who may send commands', () => {
  const parent = {};
  it('only the parent window', () => {
    expect(isAllowedSender({ source: parent, origin: 'https://news.example' }, parent, null)).toBe(true);
    expect(isAllowedSender({ source: {}, origin: 'https://news.example' }, parent, null)).toBe(false);
    expect(isAllowedSender({ source: null, origin: 'https://news.example' }, parent, null)).toBe(false);
  });

  it('and, when origins are listed, only from one of them exactly', () => {
    const origins = new Set(['https://news.example']);
    expect(isAllowedSender({ source: parent, origin: 'https://news.example' }, parent, origins)).toBe(true);
    expect(isAllowedSender({ source: parent, origin: 'https://evilnews.example' }, parent, origins)).toBe(
      false,
    );
    expect(isAllowedSender({ source: parent, origin: 'https://news.example.evil' }, parent, origins)).toBe(
      false,
    );
    expect(isAllowedSender({ source: parent, origin: 'http://news.example' }, parent, origins)).toBe(false);
    expect(isAllowedSender({ source: parent, origin: 'null' }, parent, origins)).toBe(false);
    expect(isAllowedSender({ source: parent, origin: 'https://news.example' }, parent, new Set())).toBe(
      false,
    );
  });
});

describe('announcements', () => {
  it('have a fixed shape', () => {
    expect(
      readyMessage(
        'map',
        {
          layers: ['border', 'claims-armenia'],
          date: '2021-06-03',
          mode: 'cumulative',
          claim: null,
        },
        S,
      ),
    ).toEqual({
      source: 'conflict-map',
      id: 'map',
      type: 'ready',
      layers: ['claims-armenia', 'border'],
      date: '2021-06-03',
      mode: 'cumulative',
      claim: null,
    });
    expect(layersMessage('map', new Set(['places', 'claims-azerbaijan']), S)).toEqual({
      source: 'conflict-map',
      id: 'map',
      type: 'layers',
      layers: ['claims-azerbaijan', 'places'],
    });
    expect(dateMessage('map', '2021-05-20', 'day')).toEqual({
      source: 'conflict-map',
      id: 'map',
      type: 'date',
      date: '2021-05-20',
      mode: 'day',
    });
    expect(claimMessage('map', CLAIM)).toEqual({
      source: 'conflict-map',
      id: 'map',
      type: 'claim',
      claim: CLAIM,
    });
  });

  it('go to any parent when no origins are listed, else only to a listed parent', () => {
    expect(announcementTargets(null, null)).toEqual(['*']);
    expect(announcementTargets(null, 'https://a.example')).toEqual(['*']);
    const listed = new Set(['https://a.example', 'https://b.example']);
    expect(announcementTargets(listed, 'https://b.example')).toEqual(['https://b.example']);
    expect(announcementTargets(listed, 'https://evil.example')).toEqual([]);
    // Parent origin unknown: the browser delivers to whichever listed origin the parent has.
    expect(announcementTargets(listed, null)).toEqual(['https://a.example', 'https://b.example']);
  });
});
