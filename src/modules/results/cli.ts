import fs from 'node:fs';
import path from 'node:path';
import { Option, type Command } from 'commander';
import { intOption, type CliContext } from '../../cli/context';
import { FORMATS, printRows, type Format } from '../../cli/output';
import { BOUNDARIES, LEVELS } from './contracts';
import { AppError } from '../../errors';
import { importPeriodFile, periodExchange, periodXlsx } from './service-exchange';
import { indicatorValues, listIndicators } from './service-indicators';

/** The CLI's local operator: full rights, audited under this name. */
const CLI_CALLER = { system: 'dòng lệnh' };

/**
 * The CLI contract: `indicators list` and `indicators values` (fields as written in the issue, first);
 * `results export|import` move a period's report data as Excel or the JSON exchange format.
 */
export function registerResultsCommands(program: Command, ctx: CliContext) {
  const indicators = program
    .command('indicators')
    .description('Chỉ tiêu kết quả của Chương trình: danh mục, giá trị theo năm, mục tiêu');
  const formatOption = () => new Option('--format <format>', 'định dạng').choices(FORMATS).default('table');

  indicators
    .command('list')
    .description('Danh mục chỉ tiêu (mã, tên, đơn vị, nguồn số liệu, công thức)')
    .addOption(formatOption())
    .action((opts: { format: Format }) => {
      const rows = listIndicators();
      printRows(
        opts.format === 'table' ? rows.map(({ code, name, unit, source }) => ({ code, name, unit, source })) : rows,
        opts.format,
      );
    });

  indicators
    .command('values')
    .description(
      'Giá trị một chỉ tiêu trong một năm theo toàn quốc, vùng hoặc tỉnh, với mục tiêu và đánh giá đạt/không đạt',
    )
    .requiredOption('--indicator <code>', 'mã chỉ tiêu (xem indicators list)')
    .requiredOption('--year <year>', 'năm', intOption)
    .addOption(new Option('--level <level>', 'cấp').choices(LEVELS).default('nation'))
    .addOption(
      new Option('--boundaries <b>', 'địa giới: của thời điểm rà soát hoặc hiện hành')
        .choices(BOUNDARIES)
        .default('review'),
    )
    .addOption(formatOption())
    .action(
      async (opts: {
        indicator: string;
        year: number;
        level: (typeof LEVELS)[number];
        boundaries: (typeof BOUNDARIES)[number];
        format: Format;
      }) => {
        const rows = await ctx.withDb((db) =>
          indicatorValues(db, {
            indicator: opts.indicator,
            year: opts.year,
            level: opts.level,
            boundaries: opts.boundaries,
          }),
        );
        printRows(
          opts.format === 'table'
            ? rows.map(({ unitCode, unitName, year, value, target, onTrack }) => ({
                unitCode,
                unitName,
                year,
                value,
                target,
                onTrack,
              }))
            : rows,
          opts.format,
        );
      },
    );

  const results = program.command('results').description('Số liệu báo cáo định kỳ: xuất, nhập theo kỳ');
  results
    .command('export')
    .description('Xuất số liệu báo cáo của một kỳ: Excel (số, ngày thật; dùng làm mẫu nhập) hoặc JSON trao đổi')
    .requiredOption('--period <id>', 'số của kỳ báo cáo', intOption)
    .addOption(new Option('--format <format>', 'định dạng').choices(['xlsx', 'json']).default('xlsx'))
    .requiredOption('--out <file>', 'tệp kết quả')
    .action(async (opts: { period: number; format: 'xlsx' | 'json'; out: string }) => {
      const bytes = await ctx.withDb(async (db) =>
        opts.format === 'xlsx'
          ? (await periodXlsx(db, CLI_CALLER, opts.period)).bytes
          : Buffer.from(JSON.stringify(await periodExchange(db, CLI_CALLER, opts.period), null, 2) + '\n'),
      );
      fs.writeFileSync(opts.out, bytes);
      process.stdout.write(`Đã ghi ${opts.out}.\n`);
    });
  results
    .command('import')
    .description('Nhập số liệu báo cáo của một kỳ từ tệp Excel hoặc JSON trao đổi: nhập cả tệp hoặc không gì')
    .argument('<file>', 'tệp .xlsx hoặc .json')
    .requiredOption('--period <id>', 'số của kỳ báo cáo', intOption)
    .action(async (file: string, opts: { period: number }) => {
      if (!fs.existsSync(file)) throw new AppError(404, 'not_found', `Không tìm thấy tệp: ${file}`);
      const out = await ctx.withDb((db) =>
        importPeriodFile(db, CLI_CALLER, opts.period, path.basename(file), fs.readFileSync(file)),
      );
      process.stdout.write(
        `Đã nhập kỳ ${out.periodId}: ${out.changed} báo cáo thay đổi, ${out.unchanged} dòng giữ nguyên.\n`,
      );
    });
}
