import fs from 'node:fs';
import { Option, type Command } from 'commander';
import { backupDatabase, restoreDatabase } from '../db/backup';
import { migrate } from '../db/migrate';
import { openDatabase } from '../db/open';
import { systemActor } from '../modules/audit/audit';
import { exportAudit, listAudit, AuditQuery } from '../modules/audit/service';
import { verifyAuditChain } from '../modules/audit/chain';
import { AppError } from '../errors';
import { parse } from '../validate';
import { dateOption, intOption, type CliContext } from './context';
import { auditTableRows } from './audit-table';
import { FORMATS, printRows } from './output';
import { registerServeCommand } from './serve';

export function registerPlatformCommands(program: Command, ctx: CliContext) {
  registerServeCommand(program, ctx);

  const dbCommand = program.command('db').description('Cơ sở dữ liệu: migration, sao lưu, khôi phục');
  dbCommand
    .command('migrate')
    .description('Áp dụng các migration còn thiếu')
    .action(async () => {
      const opened = await openDatabase(ctx.config, { shareRunning: true });
      try {
        const applied = await migrate(opened.db);
        process.stdout.write(
          applied.length ? `Đã áp dụng: ${applied.join(', ')}\n` : 'Cơ sở dữ liệu đã ở phiên bản mới nhất.\n',
        );
      } finally {
        await opened.close();
      }
    });

  dbCommand
    .command('backup')
    .description(
      'Sao lưu toàn bộ cơ sở dữ liệu (nhúng hoặc PostgreSQL) vào một tệp .jsonl.gz; máy chủ có thể đang chạy',
    )
    .requiredOption('--out <file>', 'tệp sao lưu sẽ tạo')
    .action(async (opts: { out: string }) => {
      const r = await ctx.withDb((db) => backupDatabase(db, opts.out));
      process.stdout.write(`Đã sao lưu ${r.rows} dòng của ${r.tables} bảng vào ${opts.out}.\n`);
    });

  dbCommand
    .command('restore')
    .description(
      'Khôi phục cơ sở dữ liệu từ tệp sao lưu (máy chủ phải dừng); từ chối nếu đích đã có dữ liệu, trừ khi có --force',
    )
    .argument('<file>', 'tệp sao lưu (.jsonl.gz)')
    .option('--force', 'xoá dữ liệu đang có ở đích và thay bằng bản sao lưu')
    .action(async (file: string, opts: { force?: boolean }) => {
      if (!fs.existsSync(file)) throw new AppError(404, 'not_found', `Không tìm thấy tệp: ${file}`);
      // the target is opened by this process alone: a running server's embedded database is refused by its lock
      const opened = await openDatabase(ctx.config);
      try {
        const r = await restoreDatabase(opened.db, file, { force: opts.force === true });
        process.stdout.write(`Đã khôi phục ${r.rows} dòng của ${r.tables} bảng từ ${file}.\n`);
      } finally {
        await opened.close();
      }
    });

  const auditCommand = program
    .command('audit')
    .description('Liệt kê hoặc xuất nhật ký thay đổi; "audit verify" kiểm tra nhật ký có bị sửa không')
    .option('--from <date>', 'từ ngày (YYYY-MM-DD)', dateOption)
    .option('--to <date>', 'đến ngày (YYYY-MM-DD)', dateOption)
    .option('--entity <entity>', 'loại đối tượng, ví dụ user')
    .option('--actor <username>', 'người thực hiện')
    .option('--limit <n>', 'số dòng tối đa', intOption, 200)
    .addOption(new Option('--format <format>', 'định dạng').choices(FORMATS).default('table'))
    .action(async (opts) => {
      const q = parse(AuditQuery, {
        from: opts.from,
        to: opts.to,
        entity: opts.entity,
        actor: opts.actor,
        limit: opts.limit,
      });
      // csv and json are exports (recorded in the trail); the table is for reading on screen
      const rows = await ctx.withDb((db) =>
        opts.format === 'table' ? listAudit(db, q) : exportAudit(db, systemActor('cli'), q),
      );
      if (opts.format === 'table') printRows(auditTableRows(rows), 'table');
      else
        printRows(
          rows.map((r) => ({
            ...r,
            before: opts.format === 'json' ? r.before : JSON.stringify(r.before),
            after: opts.format === 'json' ? r.after : JSON.stringify(r.after),
          })),
          opts.format,
        );
    });

  auditCommand
    .command('verify')
    .description('Kiểm tra chuỗi mã băm của nhật ký: nêu dòng đầu tiên bị sửa, xoá hoặc chèn (mã thoát khác 0)')
    .action(async () => {
      const r = await ctx.withDb((db) => verifyAuditChain(db));
      if (r.broken) {
        throw new AppError(
          1,
          'audit_broken',
          `Nhật ký không còn nguyên vẹn từ dòng id ${r.broken.id}${r.broken.seq ? ` (thứ ${r.broken.seq} trong chuỗi)` : ''}: ${r.broken.reason}.`,
        );
      }
      process.stdout.write(
        `Nhật ký nguyên vẹn: ${r.rows} dòng; mã băm cuối (dòng thứ ${r.lastSeq ?? 0}): ${r.lastHash ?? '(trống)'}\n`,
      );
    });
}
