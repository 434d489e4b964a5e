import { Option, type Command } from 'commander';
import { intOption, type CliContext } from '../../cli/context';
import { FORMATS, printRows, type Format } from '../../cli/output';
import { BOUNDARIES, LEVELS } from './contracts';
import { indicatorValues, listIndicators } from './service-indicators';

/** The CLI contract: `indicators list` and `indicators values` (fields as written in the issue, first). */
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
}
