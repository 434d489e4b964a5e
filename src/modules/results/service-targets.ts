/** Targets of provinces, entered with their source (a province's own resolution sets its figure). */
import type { Db } from '../../db/client';
import { invalid } from '../../errors';
import { indicatorByCode } from '../../domain/results/indicators';
import { ruleTextEn, ruleTextVi } from '../../domain/results/targets';
import { formatDateVi } from '../../domain/text';
import { audit } from '../audit/audit';
import { resolveUnitRef } from '../units/service';
import type { NewTarget, TargetItem } from './contracts';
import * as repo from './repo';
import { assertCan, auditActorOf, covers, nameOf, type Caller } from './shared';

export async function listTargets(db: Db, indicator?: string): Promise<TargetItem[]> {
  return (await repo.listTargets(db, { indicator })).map((t) => ({
    ...t,
    ruleVi: ruleTextVi(t.rule),
    ruleEn: ruleTextEn(t.rule),
  }));
}

export async function enterProvinceTarget(db: Db, caller: Caller, input: NewTarget): Promise<TargetItem> {
  const ind = indicatorByCode(input.indicator);
  if (!ind)
    throw invalid('Mục tiêu không hợp lệ', [
      { path: 'indicator', message: `Không có chỉ tiêu mã "${input.indicator}".` },
    ]);
  const province = await resolveUnitRef(db, input.province, `${input.fromYear}-01-01`, 'province');
  if (province.level !== 'province')
    throw invalid('Mục tiêu không hợp lệ', [
      { path: 'province', message: `${province.fullName} không phải đơn vị cấp tỉnh.` },
    ]);
  // The province must exist in every year of the target (some day of each year).
  const valid = await repo.unitValidDuring(db, province.id, `${input.toYear}-01-01`, `${input.fromYear}-12-31`);
  if (!valid) {
    const to = province.validTo ? `đến trước ${formatDateVi(province.validTo)}` : 'đến nay';
    throw invalid('Mục tiêu không hợp lệ', [
      {
        path: 'province',
        message: `${province.fullName} không tồn tại trong cả giai đoạn ${input.fromYear}–${input.toYear} (tồn tại từ ${formatDateVi(province.validFrom)} ${to}); hãy nhập mục tiêu cho đơn vị cấp tỉnh có hiệu lực trong các năm đó.`,
      },
    ]);
  }
  assertCan(
    caller,
    'target.enter',
    { covers: await covers(db, caller, province.id) },
    'Chỉ nhập được mục tiêu của tỉnh thuộc phạm vi được phân quyền.',
  );
  return db.tx(async (tx) => {
    const row = await repo.insertTarget(tx, {
      indicator: ind.code,
      unitId: province.id,
      fromYear: input.fromYear,
      toYear: input.toYear,
      labelVi: input.labelVi,
      rule: input.rule,
      citation: input.citation,
      sourceUrl: input.sourceUrl,
      status: input.status,
      note: input.note,
      enteredBy: nameOf(caller),
    });
    await audit(tx, auditActorOf(caller), {
      action: 'results.target.create',
      entity: 'results_target',
      entityId: row.id,
      unitId: province.id,
      after: row,
    });
    return { ...row, ruleVi: ruleTextVi(row.rule), ruleEn: ruleTextEn(row.rule) };
  });
}
