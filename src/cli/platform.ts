import { Option, type Command } from 'commander';
import { migrate } from '../db/migrate';
import { openDatabase } from '../db/open';
import { systemActor } from '../modules/audit/audit';
import { exportAudit, listAudit, AuditQuery } from '../modules/audit/service';
import { parse } from '../validate';
import { startServer } from '../server/start';
import { dateOption, intOption, type CliContext } from './context';
import { FORMATS, printRows } from './output';

export function registerPlatformCommands(program: Command, ctx: CliContext) {
  program
    .command('serve')
    .description('Chạy máy chủ web (mặc định http://127.0.0.1:3000, cơ sở dữ liệu nhúng trong ./data)')
    .option('-p, --port <port>', 'cổng HTTP', intOption)
    .option('--host <host>', 'địa chỉ lắng nghe')
    .action(async (opts: { port?: number; host?: string }) => {
      const server = await startServer({ ...ctx.config, port: opts.port ?? ctx.config.port, host: opts.host ?? ctx.config.host });
      const stop = async () => {
        await server.close();
        process.exit(0);
      };
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
    });

  program
    .command('db')
    .description('Cơ sở dữ liệu')
    .command('migrate')
    .description('Áp dụng các migration còn thiếu')
    .action(async () => {
      const opened = await openDatabase(ctx.config, { shareRunning: true });
      try {
        const applied = await migrate(opened.db);
        process.stdout.write(applied.length ? `Đã áp dụng: ${applied.join(', ')}\n` : 'Cơ sở dữ liệu đã ở phiên bản mới nhất.\n');
      } finally {
        await opened.close();
      }
    });

  program
    .command('audit')
    .description('Liệt kê hoặc xuất nhật ký thay đổi')
    .option('--from <date>', 'từ ngày (YYYY-MM-DD)', dateOption)
    .option('--to <date>', 'đến ngày (YYYY-MM-DD)', dateOption)
    .option('--entity <entity>', 'loại đối tượng, ví dụ user')
    .option('--actor <username>', 'người thực hiện')
    .option('--limit <n>', 'số dòng tối đa', intOption, 200)
    .addOption(new Option('--format <format>', 'định dạng').choices(FORMATS).default('table'))
    .action(async (opts) => {
      const q = parse(AuditQuery, { from: opts.from, to: opts.to, entity: opts.entity, actor: opts.actor, limit: opts.limit });
      // csv and json are exports (recorded in the trail); the table is for reading on screen
      const rows = await ctx.withDb((db) => (opts.format === 'table' ? listAudit(db, q) : exportAudit(db, systemActor('cli'), q)));
      printRows(
        rows.map((r) => ({ ...r, before: opts.format === 'json' ? r.before : JSON.stringify(r.before), after: opts.format === 'json' ? r.after : JSON.stringify(r.after) })),
        opts.format,
      );
    });
}
