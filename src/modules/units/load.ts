import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ReferenceDataset } from '../../db/reference-data';
import { buildUnitSet, type UnitSourceFiles } from '../../domain/units';
import { writeUnitSet } from './repo-load';

/** Kept here for the loaders that bulk-insert through this module. */
export { insertUnnest } from '../../db/bulk';

export const REFERENCE_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../reference');
const ADMIN_DIR = path.join(REFERENCE_DIR, 'admin');

const FILES: Record<keyof UnitSourceFiles, string> = {
  history: 'history/units_2021_2025.csv',
  pre2025Provinces: 'pre2025/provinces.csv',
  pre2025Districts: 'pre2025/districts.csv',
  pre2025Communes: 'pre2025/communes.csv',
  post2025Provinces: 'post2025/provinces.csv',
  post2025Communes: 'post2025/communes.csv',
  provinceMapping: 'mapping/province_old_to_new.csv',
  communeMapping: 'mapping/commune_old_to_new.csv',
};

export function readUnitFiles(dir = ADMIN_DIR): UnitSourceFiles {
  return Object.fromEntries(
    Object.entries(FILES).map(([k, f]) => [k, fs.readFileSync(path.join(dir, f), 'utf8')]),
  ) as unknown as UnitSourceFiles;
}

/** Content hash of the files and of the loader's own code: a change reloads the dataset. */
function unitsVersion(): string {
  const h = createHash('sha256');
  for (const f of Object.values(FILES)) h.update(fs.readFileSync(path.join(ADMIN_DIR, f)));
  const domainDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../domain/units');
  for (const f of fs.readdirSync(domainDir).sort()) h.update(fs.readFileSync(path.join(domainDir, f)));
  for (const f of ['./load.ts', './repo-load.ts'])
    h.update(fs.readFileSync(fileURLToPath(new URL(f, import.meta.url))));
  return h.digest('hex').slice(0, 12);
}

export const unitsDataset: ReferenceDataset = {
  name: 'admin-units',
  get version() {
    return (cachedVersion ??= unitsVersion());
  },
  async load(tx) {
    await writeUnitSet(tx, buildUnitSet(readUnitFiles()));
  },
};
let cachedVersion: string | undefined;
