/**
 * Reference data of the budget area: the published figures (envelope of QĐ 90/QĐ-TTg, provinces'
 * capital plans where found, with their sources) and the shipped rulebook versions
 * (reference/budget/). Rulebooks are inserted once by name; a user's later versions are kept.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import type { Db } from '../../db/client';
import type { ReferenceDataset } from '../../db/reference-data';
import { validateRulebook } from '../../domain/budget';
import { audit, systemActor } from '../audit/audit';
import { REFERENCE_DIR } from '../units/load';
import * as repo from './repo';

const DIR = path.join(REFERENCE_DIR, 'budget');
const FIGURES = path.join(DIR, 'program_budget_data_points.csv');
const RULEBOOKS = path.join(DIR, 'rulebooks');

function files() {
  return [
    FIGURES,
    ...fs
      .readdirSync(RULEBOOKS)
      .sort()
      .map((f) => path.join(RULEBOOKS, f)),
  ];
}

export function readFigures(): repo.FigureRow[] {
  const rows = parse(fs.readFileSync(FIGURES, 'utf8'), { columns: true, skip_empty_lines: true }) as Record<
    string,
    string
  >[];
  return rows.map((r) => {
    if (r.unit !== 'VND million') throw new Error(`budget figures: unexpected unit ${r.unit}`);
    return {
      level: r.level as 'national' | 'province',
      provinceCodePre2025: r.province_code_pre2025 || null,
      areaName: r.area_name,
      period: r.period,
      item: r.item,
      fundingSource: r.funding_source || null,
      amountMillion: Number(r.amount),
      legalBasis: r.legal_basis || null,
      sourceUrl: r.source_url || null,
      status: r.status,
      note: r.note || null,
    };
  });
}

export const budgetDataset: ReferenceDataset = {
  name: 'budget',
  version: createHash('sha256')
    .update(
      files()
        .map((f) => fs.readFileSync(f))
        .join('\n'),
    )
    .digest('hex')
    .slice(0, 12),
  async load(tx: Db) {
    await repo.replaceFigures(tx, readFigures());
    for (const f of files().slice(1)) {
      const v = validateRulebook(JSON.parse(fs.readFileSync(f, 'utf8')));
      if (!v.ok) throw new Error(`${path.basename(f)}: ${v.problems.map((p) => `${p.path}: ${p.message}`).join('; ')}`);
      if (await repo.rulebookByName(tx, v.value.name)) continue;
      const row = await repo.insertRulebook(tx, v.value, 'dữ liệu tham chiếu');
      await audit(tx, systemActor(), {
        action: 'budget.rulebook.create',
        entity: 'budget_rulebook',
        entityId: row.id,
        after: { name: row.name, version: row.version, file: path.basename(f) },
      });
    }
  },
};
