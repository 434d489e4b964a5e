import { Option, type Command } from 'commander';
import { intOption, type CliContext } from '../../cli/context';
import { FORMATS, printRows, type Format } from '../../cli/output';
import { weekdaysOff } from '../../domain/calendar';
import { officialCalendar } from './official';

/** The `calendar days-off` contract: `date`, `name`, `source`; an unverified row says so in its source. */
export function daysOffRows(year: number) {
  return weekdaysOff(officialCalendar, year).map((d) => ({
    date: d.date,
    name: d.name,
    source: d.status === 'UNVERIFIED' ? `${d.source} (chưa xác minh)` : d.source,
  }));
}

export function registerCalendarCommands(program: Command, _ctx: CliContext) {
  const calendar = program
    .command('calendar')
    .description('Lịch làm việc của cán bộ, công chức: ngày nghỉ lễ, tết theo thông báo hằng năm');
  calendar
    .command('days-off')
    .description(
      'Mọi ngày nghỉ (trừ thứ Bảy, Chủ nhật) của một năm, theo thông báo của năm đó; năm chưa có thông báo: theo Bộ luật Lao động',
    )
    .requiredOption('--year <year>', 'năm (YYYY)', intOption)
    .addOption(new Option('--format <format>', 'định dạng').choices(FORMATS).default('table'))
    .action((opts: { year: number; format: Format }) => {
      if (opts.year < 1900 || opts.year > 2199) throw new Error(`Năm ${opts.year} nằm ngoài phạm vi lịch (1900–2199).`);
      printRows(daysOffRows(opts.year), opts.format, ['date', 'name', 'source']);
    });
}
