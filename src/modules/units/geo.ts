import fs from 'node:fs';
import path from 'node:path';
import { REFORM_DATE } from '../../domain/units';
import { REFERENCE_DIR } from './load';

/** Province boundaries in force on a date: 34 provinces from 1 July 2025, the 63 old ones before. */
export function provinceLayerFile(at: string): string {
  return path.join(
    REFERENCE_DIR,
    'geo',
    at >= REFORM_DATE ? 'vn_provinces_34_2025.topojson' : 'vn_provinces_63_pre2025.topojson',
  );
}

/** Commune boundaries exist only for the 3,321 units of 1 July 2025 (object `communes`). */
export const COMMUNE_LAYER_FILE = path.join(REFERENCE_DIR, 'geo', 'vn_communes_3321_2025.topojson');

const cache = new Map<string, string>();

/** The TopoJSON text of the province layer in force on a date (read once). */
export function provinceLayer(at: string): string {
  return readOnce(provinceLayerFile(at));
}

export function communeLayer(): string {
  return readOnce(COMMUNE_LAYER_FILE);
}

function readOnce(file: string): string {
  let text = cache.get(file);
  if (!text) {
    text = fs.readFileSync(file, 'utf8');
    cache.set(file, text);
  }
  return text;
}
