import fs from 'node:fs';
import path from 'node:path';
import { finished } from 'node:stream/promises';
import { Option, type Command } from 'commander';
import { intOption, type CliContext } from '../../cli/context';
import { FORMATS, printRows, type Format } from '../../cli/output';
import { CLASS_LABEL_VI } from '../../domain/poverty/classify';
import { formatNumberVi } from '../../domain/text';
import { AppError, type Problem } from '../../errors';
import { classifyStream } from './classify-cli';
import { writeReviewWorkbook } from './excel';
import { findCommuneOn } from './repo';
import { cleanStaleImportDirs } from './import-isolation';
import { importReviewWorkbook, povertySummary, reviewDateOfYear, standardsCatalog, summaryTableRows } from './service';
import { importResidentFile, listResidentHouseholds, setResidentHouseholds } from './service/resident';

const CLI_CALLER = { system: 'dòng lệnh' };

export function describeProblem(p: Problem): string {
  const where = [p.sheet && `trang "${p.sheet}"`, p.row && `dòng ${p.row}`, p.column && `cột ${p.column}`, p.path]
    .filter(Boolean)
    .join(', ');
  return where ? `${where}: ${p.message}` : p.message;
}

/** `giamngheo poverty …` commands. */
export function registerPovertyCommands(program: Command, ctx: CliContext) {
  const poverty = program
    .command('poverty')
    .description('Hộ nghèo, hộ cận nghèo: phân loại, nhập kết quả rà soát, tổng hợp');

  poverty
    .command('classify')
    .description(
      'Phân loại hộ theo chuẩn nghèo: đọc JSON lines từ stdin, ghi một dòng JSON cho mỗi dòng vào stdout. ' +
        'Dòng: {"id","year","area":"rural"|"urban","scoreA"?,"incomePerCapita"?,"deprived":["1.1",…]}. ' +
        'Dòng lỗi được trả {"id","error"}; mã thoát 1 nếu có dòng lỗi.',
    )
    .option('--year <year>', 'năm rà soát cho các dòng không ghi "year"', intOption)
    .action(async (opts: { year?: number }) => {
      const summary = await classifyStream(process.stdin, process.stdout, { year: opts.year });
      if (summary.errors > 0) {
        process.stderr.write(`Lỗi: ${summary.errors}/${summary.lines} dòng không phân loại được.\n`);
        process.exitCode = 1;
      }
    });

  poverty
    .command('template')
    .description('Tạo sổ kết quả rà soát (Excel) trống cho một xã')
    .requiredOption('--commune <code>', 'mã xã (5 chữ số) tại thời điểm rà soát')
    .requiredOption('--year <year>', 'năm rà soát', intOption)
    .requiredOption('--out <file>', 'tệp .xlsx sẽ tạo')
    .action(async (opts: { commune: string; year: number; out: string }) => {
      // The catalog of the database: a standard added there as data shows in the guide sheet.
      const [commune, catalog] = await ctx.withDb(
        async (db) =>
          [await findCommuneOn(db, opts.commune, reviewDateOfYear(opts.year)), await standardsCatalog(db)] as const,
      );
      if (!commune)
        throw new AppError(
          404,
          'not_found',
          `Không có xã mã "${opts.commune}" vào thời điểm rà soát năm ${opts.year}.`,
        );
      const out = fs.createWriteStream(opts.out);
      await writeReviewWorkbook(out, {
        communeName: commune.fullName,
        year: opts.year,
        catalog,
      });
      await finished(out);
      process.stdout.write(`Đã tạo ${opts.out} cho ${commune.fullName}, ${commune.provinceName}.\n`);
    });

  poverty
    .command('import')
    .description('Nhập sổ kết quả rà soát (Excel) của một xã: kiểm tra mọi ô, nhập tất cả hoặc không nhập gì')
    .argument('<file>', 'tệp .xlsx theo mẫu')
    .requiredOption('--commune <code>', 'mã xã (5 chữ số) tại thời điểm rà soát')
    .requiredOption('--year <year>', 'năm rà soát', intOption)
    .option('--confirm-empty', 'xác nhận xã không có hộ nào cần lập danh sách (chấp nhận tệp chỉ có dòng tiêu đề)')
    .action(async (file: string, opts: { commune: string; year: number; confirmEmpty?: boolean }) => {
      if (!fs.existsSync(file)) throw new AppError(404, 'not_found', `Không tìm thấy tệp: ${file}`);
      cleanStaleImportDirs();
      try {
        const out = await ctx.withDb((db) =>
          importReviewWorkbook(db, CLI_CALLER, {
            communeCode: opts.commune,
            year: opts.year,
            filePath: file,
            fileName: path.basename(file),
            confirmEmpty: opts.confirmEmpty === true,
            onProgress: (n) => process.stderr.write(`Đã đọc ${formatNumberVi(n)} dòng…\n`),
          }),
        );
        if (out.unchanged) {
          process.stdout.write(`Tệp giống lần nhập trước của ${out.communeName} năm ${out.year}: không có thay đổi.\n`);
          return;
        }
        const classes = Object.entries(out.classes)
          .map(([k, n]) => `${CLASS_LABEL_VI[k as keyof typeof CLASS_LABEL_VI]}: ${formatNumberVi(n)}`)
          .join('; ');
        process.stdout.write(
          `Đã nhập ${formatNumberVi(out.households)} hộ, ${formatNumberVi(out.members)} thành viên của ${out.communeName} năm ${out.year}. ${classes}.\n`,
        );
      } catch (err) {
        const problems =
          err instanceof AppError ? (err.details as { problems?: Problem[] } | undefined)?.problems : undefined;
        if (!problems?.length) throw err;
        for (const p of problems) process.stderr.write(`Lỗi: ${describeProblem(p)}\n`);
        process.stderr.write(`Lỗi: ${(err as Error).message}\n`);
        process.exitCode = 1;
      }
    });

  poverty
    .command('summary')
    .description(
      'Tổng hợp số hộ nghèo, cận nghèo, thoát nghèo, phát sinh, tái nghèo và tỷ lệ theo tỉnh, vùng hoặc toàn quốc',
    )
    .requiredOption('--year <year>', 'năm rà soát', intOption)
    .addOption(
      new Option('--level <level>', 'cấp tổng hợp').choices(['province', 'region', 'nation']).default('nation'),
    )
    .addOption(
      new Option('--boundaries <b>', 'địa giới: của thời điểm rà soát hoặc hiện hành')
        .choices(['review', 'current'])
        .default('review'),
    )
    .addOption(
      new Option('--by <by>', 'chia theo khu vực hoặc dân tộc').choices(['none', 'area', 'ethnicity']).default('none'),
    )
    .addOption(
      new Option('--status <status>', 'official: chỉ kết quả đã công nhận; all: cả kết quả đang rà soát (tạm thời)')
        .choices(['official', 'all'])
        .default('official'),
    )
    .addOption(new Option('--format <format>', 'định dạng').choices(FORMATS).default('table'))
    .action(
      async (opts: {
        year: number;
        level: 'province' | 'region' | 'nation';
        boundaries: 'review' | 'current';
        by: 'none' | 'area' | 'ethnicity';
        status: 'official' | 'all';
        format: Format;
      }) => {
        const s = await ctx.withDb((db) =>
          povertySummary(db, {
            year: opts.year,
            level: opts.level,
            boundaries: opts.boundaries,
            by: opts.by,
            status: opts.status,
          }),
        );
        if (opts.format === 'json') {
          process.stdout.write(JSON.stringify(s, null, 2) + '\n');
          return;
        }
        printRows(summaryTableRows(s.rows), opts.format);
        if (s.unresolved.length) {
          process.stderr.write(
            `Chú ý: ${s.unresolved.length} dòng không quy đổi chính xác sang địa giới hiện hành (xem --format json, mục "unresolved").\n`,
          );
        }
      },
    );

  const households = poverty.command('households').description('Tổng số hộ dân cư của xã (mẫu số của tỷ lệ nghèo)');

  households
    .command('set')
    .description('Ghi nhận tổng số hộ dân cư của một xã trong năm rà soát (có ghi nhật ký, giữ lịch sử)')
    .requiredOption('--commune <code>', 'mã xã (5 chữ số) tại thời điểm rà soát')
    .requiredOption('--year <year>', 'năm rà soát', intOption)
    .requiredOption('--total <n>', 'tổng số hộ dân cư', intOption)
    .option('--source <text>', 'nguồn số liệu (báo cáo, Biểu tổng hợp của UBND xã)')
    .option('--urban <n>', 'số hộ thành thị (khu vực đô thị)', intOption)
    .option('--rural <n>', 'số hộ nông thôn', intOption)
    .option('--minority <n>', 'số hộ dân tộc thiểu số', intOption)
    .action(
      async (opts: {
        commune: string;
        year: number;
        total: number;
        source?: string;
        urban?: number;
        rural?: number;
        minority?: number;
      }) => {
        try {
          const r = await ctx.withDb((db) =>
            setResidentHouseholds(
              db,
              CLI_CALLER,
              {
                communeCode: opts.commune,
                year: opts.year,
                total: opts.total,
                urban: opts.urban,
                rural: opts.rural,
                ethnicMinority: opts.minority,
                source: opts.source,
              },
              { requireSource: false },
            ),
          );
          process.stdout.write(
            `Đã ghi nhận ${formatNumberVi(r.total)} hộ dân cư của ${r.commune.fullName}, ${r.commune.provinceName} năm ${opts.year}.\n`,
          );
        } catch (err) {
          const problems =
            err instanceof AppError ? (err.details as { problems?: Problem[] } | undefined)?.problems : undefined;
          if (!problems?.length) throw err;
          throw new AppError(
            err instanceof AppError ? err.status : 422,
            'invalid',
            problems.map((p) => p.message).join(' '),
          );
        }
      },
    );

  households
    .command('import')
    .description('Nhập tổng số hộ dân cư của các xã từ tệp Excel (trang "Số hộ dân cư") hoặc CSV: tất cả hoặc không')
    .argument(
      '<file>',
      'tệp .xlsx hoặc .csv (cột: Mã xã, Tên xã, Tổng số hộ dân cư, Số hộ thành thị, Số hộ nông thôn, Số hộ dân tộc thiểu số, Nguồn số liệu)',
    )
    .requiredOption('--year <year>', 'năm rà soát', intOption)
    .action(async (file: string, opts: { year: number }) => {
      if (!fs.existsSync(file)) throw new AppError(404, 'not_found', `Không tìm thấy tệp: ${file}`);
      try {
        const out = await ctx.withDb((db) =>
          importResidentFile(db, CLI_CALLER, { year: opts.year, filePath: file, fileName: path.basename(file) }),
        );
        process.stdout.write(`Đã nhập số hộ dân cư của ${formatNumberVi(out.communes)} xã năm ${out.year}.\n`);
      } catch (err) {
        const problems =
          err instanceof AppError ? (err.details as { problems?: Problem[] } | undefined)?.problems : undefined;
        if (!problems?.length) throw err;
        for (const p of problems) process.stderr.write(`Lỗi: ${describeProblem(p)}\n`);
        process.stderr.write(`Lỗi: ${(err as Error).message}\n`);
        process.exitCode = 1;
      }
    });

  households
    .command('list')
    .description('Liệt kê tổng số hộ dân cư các xã đã báo cáo trong năm')
    .requiredOption('--year <year>', 'năm rà soát', intOption)
    .addOption(new Option('--format <format>', 'định dạng').choices(FORMATS).default('table'))
    .action(async (opts: { year: number; format: Format }) => {
      const items = await ctx.withDb((db) => listResidentHouseholds(db, opts.year));
      printRows(
        items.map((i) => ({
          code: i.communeCode,
          name: i.communeName,
          total: i.total,
          urban: i.urban,
          rural: i.rural,
          ethnicMinority: i.ethnicMinority,
          source: i.source,
          recordedBy: i.recordedBy,
        })),
        opts.format,
      );
    });
}
