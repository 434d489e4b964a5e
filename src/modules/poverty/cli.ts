import type { Command } from 'commander';
import { intOption, type CliContext } from '../../cli/context';
import { classifyStream } from './classify-cli';

/** `giamngheo poverty …` commands. */
export function registerPovertyCommands(program: Command, ctx: CliContext) {
  const poverty = program.command('poverty').description('Hộ nghèo, hộ cận nghèo: phân loại, nhập kết quả rà soát, tổng hợp');

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

  void ctx;
}
