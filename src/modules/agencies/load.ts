import { createHash } from 'node:crypto';
import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { ReferenceDataset } from '../../db/reference-data';
import { centralAgencies, provincialAgencies } from '../../domain/agencies/agencies';
import { unitsDataset } from '../units/load';
import { provinceVersions, writeAgencies } from './repo-load';

export const agenciesDataset: ReferenceDataset = {
  name: 'agencies',
  /** Changes with the agency list, this loader and the units (People's Committees follow province versions). */
  get version() {
    const h = createHash('sha256');
    h.update(fs.readFileSync(fileURLToPath(new URL('../../domain/agencies/agencies.ts', import.meta.url))));
    for (const f of ['./load.ts', './repo-load.ts'])
      h.update(fs.readFileSync(fileURLToPath(new URL(f, import.meta.url))));
    return `${h.digest('hex').slice(0, 8)}-${unitsDataset.version}`;
  },
  async load(tx) {
    await writeAgencies(tx, [...centralAgencies(), ...provincialAgencies(await provinceVersions(tx))]);
  },
};
