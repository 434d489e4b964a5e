import fs from 'node:fs';
import { Option, type Command } from 'commander';
import { dateOption, type CliContext } from '../../cli/context';
import { FORMATS, printRows, type Format } from '../../cli/output';
import { todayInVietnam } from '../../domain/text';
import { planWorkbook } from './excel';
import { systemActor } from '../audit/audit';
import {
  planIdByCode,
  planStatus,
  reorganise,
  runDigest,
  sendOutbox,
  type PlanStatusRow,
  type StatusOptions,
} from './service';
import { smtpSettings } from './smtp';

/** The CLI contract of issue 3: these columns, in this order, first. */
export const STATUS_COLUMNS = [
  'id',
  'position',
  'title',
  'leadAgency',
  'deadline',
  'status',
  'completedOn',
  'daysLate',
  'instrument',
] as const;

function contractRows(rows: PlanStatusRow[], format: Format) {
  return rows.map((r) => ({
    id: r.id,
    position: r.position,
    title: format === 'table' && r.title.length > 70 ? `${r.title.slice(0, 69)}…` : r.title,
    leadAgency: r.leadAgency,
    deadline: r.deadline,
    status: r.status,
    completedOn: r.completedOn,
    daysLate: r.daysLate,
    instrument: r.instrument,
    submittedOn: r.submittedOn,
    submissionDaysLate: r.submissionDaysLate,
    ...(format === 'table'
      ? {}
      : {
          leadAgencyName: r.leadAgencyName,
          deadlineText: r.deadlineText,
          deadlineVerified: r.deadlineVerified,
          percent: r.percent,
          overdue: r.overdue,
          pastDueNoReport: r.pastDueNoReport,
          timeliness: r.timeliness,
          assignments: r.assignments,
          overdueAssignments: r.overdueAssignments,
          noReportAssignments: r.noReportAssignments,
          pastDueNoReportAssignments: r.pastDueNoReportAssignments,
          basis: r.basis,
        }),
  }));
}

/** The rows of `plan status|overdue|export`: one plan's (`--plan NUMBER`) or every plan's. */
function statusRows(ctx: CliContext, opts: { asOf?: string; agency?: string; plan?: string }, overdueOnly = false) {
  return ctx.withDb(async (db) => {
    const o: StatusOptions = {
      asOf: opts.asOf,
      agency: opts.agency,
      overdueOnly,
      planId: opts.plan ? await planIdByCode(db, opts.plan) : undefined,
    };
    return planStatus(db, o);
  });
}

export function registerPlanCommands(program: Command, ctx: CliContext) {
  const plan = program.command('plan').description('Kế hoạch triển khai: nhiệm vụ, thời hạn, tiến độ');
  const formatOption = () => new Option('--format <format>', 'định dạng').choices(FORMATS).default('table');
  const planOption = () =>
    new Option('--plan <number>', 'chỉ một kế hoạch (số, ví dụ 1705/QĐ-TTg); mặc định mọi kế hoạch');

  plan
    .command('status')
    .description('Tình hình thực hiện mọi nhiệm vụ (số ngày chậm tính đến ngày --as-of)')
    .option('--as-of <date>', 'tính đến ngày (YYYY-MM-DD), mặc định hôm nay', dateOption)
    .option('--agency <code>', 'chỉ các nhiệm vụ của một cơ quan (mã, ví dụ BLDTBXH, UBND-01)')
    .addOption(planOption())
    .addOption(formatOption())
    .action(async (opts: { asOf?: string; agency?: string; plan?: string; format: Format }) => {
      const rows = await statusRows(ctx, opts);
      printRows(contractRows(rows, opts.format), opts.format);
    });

  plan
    .command('overdue')
    .description('Các nhiệm vụ quá hạn tại ngày --as-of')
    .option('--as-of <date>', 'tính đến ngày (YYYY-MM-DD), mặc định hôm nay', dateOption)
    .option('--agency <code>', 'chỉ một cơ quan')
    .addOption(planOption())
    .addOption(formatOption())
    .action(async (opts: { asOf?: string; agency?: string; plan?: string; format: Format }) => {
      const rows = await statusRows(ctx, opts, true);
      if (opts.format !== 'table') return printRows(contractRows(rows, opts.format), opts.format);
      // The table shows "late, reported" and "past due, no report received" apart (JSON/CSV: `status`,
      // `pastDueNoReport`).
      const late = rows.filter((r) => !r.pastDueNoReport);
      const silent = rows.filter((r) => r.pastDueNoReport);
      printRows(contractRows(late, 'table'), 'table');
      if (silent.length) {
        process.stdout.write(`\nQuá hạn, chưa nhận được báo cáo (không tính số ngày chậm): ${silent.length}\n`);
        printRows(contractRows(silent, 'table'), 'table');
      }
    });

  plan
    .command('export')
    .description(
      'Xuất Excel theo mẫu (STT, Nội dung công việc, Cơ quan chủ trì, Cơ quan phối hợp, Thời hạn, Tiến độ, Ghi chú)',
    )
    .requiredOption('--out <file>', 'tệp .xlsx')
    .option('--as-of <date>', 'tính đến ngày (YYYY-MM-DD)', dateOption)
    .option('--agency <code>', 'chỉ một cơ quan')
    .option('--overdue', 'chỉ các nhiệm vụ quá hạn')
    .addOption(planOption())
    .action(async (opts: { out: string; asOf?: string; agency?: string; plan?: string; overdue?: boolean }) => {
      const asOf = opts.asOf ?? todayInVietnam();
      const rows = await statusRows(ctx, { ...opts, asOf }, opts.overdue);
      const title = opts.overdue
        ? 'BÁO CÁO NHIỆM VỤ QUÁ HẠN'
        : 'TÌNH HÌNH THỰC HIỆN KẾ HOẠCH TRIỂN KHAI NGHỊ QUYẾT 24/2021/QH15';
      fs.writeFileSync(opts.out, await planWorkbook(rows, { title, asOf, split: opts.overdue }));
      process.stdout.write(`Đã ghi ${rows.length} nhiệm vụ vào ${opts.out}.\n`);
    });

  plan
    .command('digest')
    .description('Tạo bản tổng hợp hằng ngày (thông báo trong ứng dụng và thư trong hộp thư đi)')
    .option('--as-of <date>', 'ngày tổng hợp (YYYY-MM-DD)', dateOption)
    .action(async (opts: { asOf?: string }) => {
      const r = await ctx.withDb((db) => runDigest(db, opts.asOf));
      process.stdout.write(
        `Tổng hợp ngày ${r.asOf}: ${r.users} người dùng, ${r.notifications} thông báo mới, ${r.emails} thư chờ gửi.\n`,
      );
    });

  plan
    .command('send-mail')
    .description('Gửi các thư trong hộp thư đi qua SMTP (GIAMNGHEO_SMTP_URL, GIAMNGHEO_MAIL_FROM)')
    .action(async () => {
      const settings = smtpSettings();
      if (!settings)
        throw new Error(
          'Chưa cấu hình máy chủ thư: đặt GIAMNGHEO_SMTP_URL (ví dụ smtp://tai-khoan:mat-khau@mail.example.vn:587).',
        );
      const r = await ctx.withDb((db) => sendOutbox(db, settings));
      process.stdout.write(`Đã gửi ${r.sent} thư, ${r.failed} thư lỗi (sẽ thử lại).\n`);
      if (r.failed) process.exitCode = 1;
    });

  plan
    .command('reorganise')
    .description(
      'Bàn giao phân công của các cơ quan đã giải thể, hợp nhất cho cơ quan kế thừa có hiệu lực vào ngày --on',
    )
    .requiredOption('--on <date>', 'ngày (YYYY-MM-DD), ví dụ 2025-07-01', dateOption)
    .action(async (opts: { on: string }) => {
      const r = await ctx.withDb((db) => reorganise(db, systemActor('cli'), { onDate: opts.on }));
      process.stdout.write(
        `Đã bàn giao ${r.handedOver} phân công của ${r.tasks} nhiệm vụ (${r.created} phân công mới).\n`,
      );
      if (r.withoutSuccessor.length)
        process.stdout.write(
          `Cơ quan không có một cơ quan kế thừa duy nhất (cần xử lý thủ công): ${r.withoutSuccessor.join(', ')}\n`,
        );
      for (const u of r.undecided)
        process.stdout.write(
          `Chưa quyết định được cơ quan tiếp nhận nhiệm vụ ${u.position} của ${u.agencyId}: ${u.reason} (cần xử lý thủ công).\n`,
        );
    });
}
