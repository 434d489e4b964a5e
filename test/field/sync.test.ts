import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  MAX_PHOTO_BYTES,
  distanceM,
  distanceToBoxM,
  fieldResultsClosed,
  positionFarOutside,
  sameSurvey,
  sexFromRegister,
  sniffImage,
  topoBoxes,
  type Box,
} from '../../src/domain/field/sync';

const JPEG = fs.readFileSync(path.join(import.meta.dirname, '../fixtures/field/nha.jpg'));
const webp = Buffer.from('RIFF\x24\x00\x00\x00WEBPVP8 \x18\x00\x00\x00', 'latin1');

describe('photo content, read from the bytes', () => {
  it.each([
    ['a real JPEG', JPEG, 'image/jpeg'],
    ['a WebP header', webp, 'image/webp'],
    ['a JPEG cut short (no end marker)', JPEG.subarray(0, JPEG.length - 10), null],
    ['text', Buffer.from('không phải ảnh'), null],
    ['a PNG', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0, 0, 0, 0, 0]), null],
    ['empty', Buffer.alloc(0), null],
  ])('%s → %s', (_what, bytes, type) => {
    expect(sniffImage(bytes)).toBe(type);
  });

  it('the limit is 1.5 MB', () => {
    expect(MAX_PHOTO_BYTES).toBe(1_572_864);
  });
});

describe('position against the commune’s box', () => {
  const box: Box = [105.82696, 21.02821, 105.8504, 21.05066]; // Phường Ba Đình
  it('distances: one degree of latitude is about 111 km', () => {
    expect(distanceM({ lat: 21, lng: 105 }, { lat: 22, lng: 105 })).toBeCloseTo(111_195, -2);
  });
  it.each([
    ['inside', 21.0394, 105.8387, 10, 0, false],
    ['1 km east of the edge', 21.04, 105.8504 + 0.00963, 10, 1000, false],
    ['3 km north', 21.05066 + 0.02698, 105.84, 10, 3000, true],
    ['3 km north, accuracy 1.5 km', 21.05066 + 0.02698, 105.84, 1500, 3000, false],
    ['Hồ Chí Minh City', 10.7769, 106.7009, 20, 1_140_000, true],
  ])('%s', (_what, lat, lng, accuracyM, metres, far) => {
    expect(distanceToBoxM({ lat, lng }, box)).toBeCloseTo(metres, metres > 100_000 ? -4 : -1.5);
    expect(positionFarOutside({ lat, lng, accuracyM, takenAt: '2026-11-20T00:00:00Z' }, box)).toBe(far);
  });
});

describe('boxes from TopoJSON', () => {
  it('decodes quantised, delta-encoded arcs (reversed arcs too) into a box per code', () => {
    const topo = {
      transform: { scale: [0.5, 0.25] as [number, number], translate: [100, 20] as [number, number] },
      arcs: [
        [
          [0, 0],
          [4, 0],
          [0, 4],
        ],
        [
          [4, 4],
          [-4, 0],
          [0, -4],
        ],
      ] as [number, number][][],
      objects: {
        communes: {
          geometries: [
            { arcs: [[0, ~1]], properties: { code: 'A' } },
            { arcs: [[1]], properties: { code: 'B' } },
            { arcs: [[0]], properties: {} },
          ],
        },
      },
    };
    const boxes = topoBoxes(topo, 'communes', 'code');
    expect([...boxes.keys()]).toEqual(['A', 'B']);
    expect(boxes.get('A')).toEqual([100, 20, 102, 21]);
    expect(boxes.get('B')).toEqual([100, 20, 102, 21]);
  });
});

describe('when a survey no longer goes straight into the register', () => {
  // QĐ 24/2021/QĐ-TTg, Art. 4: the commune chair recognises the list of poor and near-poor households;
  // a commune that approved (submitted) its results has them locked until the level above returns them.
  it.each([
    ['no step yet', [], [], false],
    [
      'survey and village meeting done',
      [
        { step: 'survey', on: '2026-09-15' },
        { step: 'village_meeting', on: '2026-10-01' },
      ],
      [],
      false,
    ],
    ['recognised by the commune chair', [{ step: 'recognition', on: '2026-11-25' }], [], true],
    ['submitted up the chain', [], [{ level: 'commune', on: '2026-11-26' }], true],
    ['an approval recorded at another level only', [], [{ level: 'province', on: '2026-11-26' }], false],
  ] as const)('%s → %s', (_what, steps, approvals, closed) => {
    expect(fieldResultsClosed([...steps], [...approvals])).toBe(closed);
  });
});

describe('sex as the register writes it', () => {
  it.each([
    ['Nam', 'male'],
    ['Nữ', 'female'],
    [null, null],
    ['khác', null],
  ] as const)('%s → %s', (value, sex) => {
    expect(sexFromRegister(value)).toBe(sex);
  });
});

describe('a client id used again', () => {
  const first = { year: 2026, communeCode: '00004', householdCode: 'H1' };
  it('is the same survey only for the same household, commune and year', () => {
    expect(sameSurvey(first, { ...first })).toBe(true);
    expect(sameSurvey(first, { ...first, communeCode: '00008' })).toBe(false);
    expect(sameSurvey(first, { ...first, householdCode: 'H2' })).toBe(false);
    expect(sameSurvey(first, { ...first, year: 2027 })).toBe(false);
    // a survey that does not fit the form (year as text) is not taken for the stored one
    expect(sameSurvey(first, { ...first, year: '2026' })).toBe(false);
  });
});
