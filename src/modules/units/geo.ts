import fs from 'node:fs';
import path from 'node:path';
import { REFORM_DATE } from '../../domain/units';
import { REFERENCE_DIR } from './load';

/** Province boundaries in force on a date: 34 provinces from 1 July 2025, the 63 old ones before. */
export function provinceLayerFile(at: string): string {
  return path.join(REFERENCE_DIR, 'geo', at >= REFORM_DATE ? 'vn_provinces_34_2025.topojson' : 'vn_provinces_63_pre2025.topojson');
}

const cache = new Map<string, string>();

/** The TopoJSON text (read once). */
export function provinceLayer(at: string): string {
  const file = provinceLayerFile(at);
  let text = cache.get(file);
  if (!text) {
    text = fs.readFileSync(file, 'utf8');
    cache.set(file, text);
  }
  return text;
}
