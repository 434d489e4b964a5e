/**
 * Rules of the field sync that need no database: what a photo is, whether a position lies far outside
 * its commune, and when a commune's results no longer take a survey without the officer deciding.
 */
import type { ChainState, StepRecord } from '../poverty/review';
import { communeResultsLocked } from '../poverty/review';
import type { FieldPosition } from './draft';

/** A photo after the phone resized it (≤ 1600 px JPEG) is a few hundred KB; 1.5 MB leaves room. */
export const MAX_PHOTO_BYTES = 1.5 * 1024 * 1024;
export const MAX_PHOTOS_PER_SURVEY = 5;

/** Surveys in one sync request (the phone sends its drafts in batches of this size). */
export const FIELD_MAX_SURVEYS = 50;

/** The image type read from the bytes themselves (the header a client sends is not trusted). */
export function sniffImage(b: Uint8Array): 'image/jpeg' | 'image/webp' | null {
  if (b.length >= 4 && b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff) {
    // a JPEG ends with the EOI marker; a truncated upload is not a photo
    return b[b.length - 2] === 0xff && b[b.length - 1] === 0xd9 ? 'image/jpeg' : null;
  }
  const ascii = (from: number, to: number) => String.fromCharCode(...b.subarray(from, to));
  if (b.length >= 16 && ascii(0, 4) === 'RIFF' && ascii(8, 12) === 'WEBP') return 'image/webp';
  return null;
}

/** [west, south, east, north] in degrees. */
export type Box = [number, number, number, number];

/**
 * Bounding boxes of the polygons of a TopoJSON object by a property (quantised arcs, delta-encoded):
 * the box of a polygon is the box of the points of its arcs.
 */
export function topoBoxes(
  topology: {
    arcs: [number, number][][];
    transform?: { scale: [number, number]; translate: [number, number] };
    objects: Record<string, { geometries: { arcs?: unknown; properties?: Record<string, unknown> }[] }>;
  },
  object: string,
  key: string,
): Map<string, Box> {
  const [sx, sy] = topology.transform?.scale ?? [1, 1];
  const [tx, ty] = topology.transform?.translate ?? [0, 0];
  const arcBox = topology.arcs.map((arc) => {
    let x = 0;
    let y = 0;
    const box: Box = [Infinity, Infinity, -Infinity, -Infinity];
    for (const [dx, dy] of arc) {
      x += dx;
      y += dy;
      const lng = topology.transform ? x * sx + tx : dx;
      const lat = topology.transform ? y * sy + ty : dy;
      box[0] = Math.min(box[0], lng);
      box[1] = Math.min(box[1], lat);
      box[2] = Math.max(box[2], lng);
      box[3] = Math.max(box[3], lat);
    }
    return box;
  });
  const out = new Map<string, Box>();
  for (const g of topology.objects[object]?.geometries ?? []) {
    const code = g.properties?.[key];
    if (typeof code !== 'string') continue;
    const box: Box = out.get(code) ?? [Infinity, Infinity, -Infinity, -Infinity];
    const walk = (a: unknown) => {
      if (typeof a === 'number') {
        const b = arcBox[a < 0 ? ~a : a];
        box[0] = Math.min(box[0], b[0]);
        box[1] = Math.min(box[1], b[1]);
        box[2] = Math.max(box[2], b[2]);
        box[3] = Math.max(box[3], b[3]);
      } else if (Array.isArray(a)) a.forEach(walk);
    };
    walk(g.arcs);
    if (Number.isFinite(box[0])) out.set(code, box);
  }
  return out;
}

const EARTH_M = 6_371_000;
const rad = (d: number) => (d * Math.PI) / 180;

/** Great-circle distance in metres (haversine). */
export function distanceM(a: { lat: number; lng: number }, b: { lat: number; lng: number }): number {
  const h =
    Math.sin(rad(b.lat - a.lat) / 2) ** 2 +
    Math.cos(rad(a.lat)) * Math.cos(rad(b.lat)) * Math.sin(rad(b.lng - a.lng) / 2) ** 2;
  return 2 * EARTH_M * Math.asin(Math.min(1, Math.sqrt(h)));
}

/** Metres from a point to the nearest point of a box (0 inside). */
export function distanceToBoxM(p: { lat: number; lng: number }, box: Box): number {
  const lng = Math.min(Math.max(p.lng, box[0]), box[2]);
  const lat = Math.min(Math.max(p.lat, box[1]), box[3]);
  return distanceM(p, { lat, lng });
}

/**
 * How far outside its commune a position may be before the survey is refused: a household at the
 * edge, a fix taken on the road outside, the box drawn from simplified boundaries. Beyond this plus the
 * phone's own accuracy radius the position cannot be the household's.
 */
export const POSITION_TOLERANCE_M = 2000;

export function positionFarOutside(p: FieldPosition, box: Box): boolean {
  return distanceToBoxM(p, box) > POSITION_TOLERANCE_M + Math.max(0, p.accuracyM);
}

/**
 * A survey no longer goes straight into the register once the commune chair recognised the results
 * (step "recognition", QĐ 24/2021, Art. 4) or the commune submitted them up the chain: it waits for the
 * commune officer as a conflict.
 */
export function fieldResultsClosed(steps: StepRecord[], approvals: ChainState['approvals']): boolean {
  return steps.some((s) => s.step === 'recognition') || communeResultsLocked({ approvals });
}

/** The register writes sex as the workbook does ("Nam" / "Nữ"); the phone keeps male / female. */
export const SEX_IN_REGISTER = { male: 'Nam', female: 'Nữ' } as const;
export function sexFromRegister(s: string | null): 'male' | 'female' | null {
  return s === 'Nam' ? 'male' : s === 'Nữ' ? 'female' : null;
}

/** What a survey's client id names: one household of one commune in one year. */
export interface SurveyIdentity {
  year: unknown;
  communeCode: unknown;
  householdCode: unknown;
}

/**
 * Whether a survey sent under a client id already used is that same survey again (a retry, or the draft
 * edited after it was sent): same household, commune and year. Anything else under that id is another
 * survey that reused it, and is not taken as a retry.
 */
export function sameSurvey(a: SurveyIdentity, b: SurveyIdentity): boolean {
  return a.year === b.year && a.communeCode === b.communeCode && a.householdCode === b.householdCode;
}
