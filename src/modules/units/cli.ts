import { Option, type Command } from 'commander';
import { dateOption, type CliContext } from '../../cli/context';
import { FORMATS, printRows, type Format } from '../../cli/output';
import { formatDateVi, formatNumberVi, todayInVietnam } from '../../domain/text';
import { UNIT_LEVELS, type UnitLevel } from '../../domain/units';
import type { UnitRow } from './repo';
import { findUnits, listUnresolvedLineage, period, unitSuccessors } from './service';

/** The day before the reform: old codes are read on it unless --at says otherwise. */
const LAST_OLD_DAY = '2025-06-30';

const unitRow = (u: UnitRow) => ({
  code: u.code,
  name: u.name,
  fullName: u.fullName,
  level: u.level,
  unitType: u.unitType,
  parentCode: u.parentCode,
  validFrom: u.validFrom,
  validTo: u.validTo,
  id: u.id,
});

/** `giamngheo units …`: administrative units over time. */
export function registerUnitsCommands(program: Command, ctx: CliContext) {
  const units = program
    .command('units')
    .description('Đơn vị hành chính theo thời gian (63 tỉnh trước 01/07/2025, 34 tỉnh và 3.321 xã từ 01/07/2025)');

  units
    .command('list')
    .description('Liệt kê đơn vị hành chính có hiệu lực vào một ngày')
    .addOption(new Option('--level <level>', 'cấp').choices(UNIT_LEVELS).makeOptionMandatory())
    .option('--at <date>', 'ngày (YYYY-MM-DD), mặc định hôm nay theo giờ Việt Nam', dateOption)
    .option('--parent <code>', 'mã đơn vị cấp trên (đọc theo ngày --at)')
    .option('--search <text>', 'tìm theo tên, không cần dấu')
    .addOption(new Option('--format <format>', 'định dạng').choices(FORMATS).default('table'))
    .action(async (opts: { level: UnitLevel; at?: string; parent?: string; search?: string; format: Format }) => {
      const at = opts.at ?? todayInVietnam();
      const rows = await ctx.withDb((db) =>
        findUnits(db, { level: opts.level, at, parent: opts.parent, q: opts.search }),
      );
      const out = rows.map(unitRow);
      if (opts.format === 'table')
        printRows(out, 'table', ['code', 'fullName', 'unitType', 'parentCode', 'validFrom', 'validTo']);
      else printRows(out, opts.format);
      if (opts.format === 'table')
        process.stdout.write(
          `${formatNumberVi(rows.length)} đơn vị ${opts.level === 'province' ? 'cấp tỉnh' : opts.level === 'district' ? 'cấp huyện' : 'cấp xã'} vào ngày ${formatDateVi(at)}.\n`,
        );
    });

  units
    .command('successor')
    .description(
      `Đơn vị kế thừa của một đơn vị (mã đọc theo ngày --at, mặc định ${formatDateVi(LAST_OLD_DAY)}, ngày cuối trước cải cách)`,
    )
    .argument('<code>', 'mã đơn vị (tỉnh 2 chữ số, huyện 3, xã 5) hoặc mã phiên bản, ví dụ C:19063:2021-01-01')
    .option('--at <date>', 'ngày dùng để đọc mã (YYYY-MM-DD)', dateOption)
    .addOption(new Option('--format <format>', 'định dạng').choices(FORMATS).default('table'))
    .action(async (code: string, opts: { at?: string; format: Format }) => {
      const s = await ctx.withDb((db) => unitSuccessors(db, code, opts.at ?? LAST_OLD_DAY));
      const rows = [...s.successors, ...s.unresolved].map((x) => ({
        code: x.unit.code,
        name: x.unit.name,
        fullName: x.unit.fullName,
        level: x.unit.level,
        relation: x.relation,
        resolved: x.resolved,
        validFrom: x.unit.validFrom,
        validTo: x.unit.validTo,
        parentCode: x.unit.parentCode,
        id: x.unit.id,
      }));
      if (opts.format !== 'table') {
        printRows(rows, opts.format);
        return;
      }
      process.stdout.write(`${s.unit.fullName} (mã ${s.unit.code}, ${period(s.unit)})\n`);
      if (rows.length) {
        printRows(
          rows.map((r) => ({
            ...r,
            relation: r.relation === 'full' ? 'toàn bộ' : 'một phần',
            resolved: r.resolved ? 'có' : 'CHƯA XÁC MINH',
          })),
          'table',
          ['code', 'fullName', 'relation', 'resolved', 'validFrom', 'validTo'],
        );
      }
      if (s.rollupProvince)
        process.stdout.write(
          `Cộng dồn chính xác lên tỉnh: ${s.rollupProvince.fullName} (mã ${s.rollupProvince.code}).\n`,
        );
      if (s.note) process.stdout.write(`${s.note}\n`);
    });

  units
    .command('check')
    .description('Liệt kê các quan hệ kế thừa chưa được xác minh (SUSPECT), không được dùng để cộng dồn')
    .addOption(new Option('--format <format>', 'định dạng').choices(FORMATS).default('table'))
    .action(async (opts: { format: Format }) => {
      const rows = await ctx.withDb((db) => listUnresolvedLineage(db));
      const out = rows.map((r) => ({
        fromCode: r.fromCode,
        fromName: r.fromName,
        fromProvince: r.fromProvinceCode,
        toCode: r.toCode,
        toName: r.toName,
        toProvince: r.toProvinceCode,
        relation: r.relation,
        qaFlag: r.qaFlag,
        note: r.note,
      }));
      const summary = `${formatNumberVi(rows.length)} quan hệ kế thừa chưa được xác minh (cần sửa theo các nghị quyết NQ-UBTVQH15 trước khi dùng).\n`;
      if (opts.format === 'table') {
        printRows(out, 'table', [
          'fromCode',
          'fromName',
          'fromProvince',
          'toCode',
          'toName',
          'toProvince',
          'relation',
          'qaFlag',
        ]);
        process.stdout.write(summary);
      } else {
        printRows(out, opts.format);
        process.stderr.write(summary);
      }
    });
}
