import type { Command } from 'commander';
import { intOption, type CliContext } from './context';

/** `serve`: the one command that starts the HTTP server (the only CLI file that may reach src/server). */
export function registerServeCommand(program: Command, ctx: CliContext) {
  program
    .command('serve')
    .description('Chạy máy chủ web (mặc định http://127.0.0.1:3000, cơ sở dữ liệu nhúng trong ./data)')
    .option('-p, --port <port>', 'cổng HTTP', intOption)
    .option('--host <host>', 'địa chỉ lắng nghe')
    .action(async (opts: { port?: number; host?: string }) => {
      // loaded here only: every other command runs without the HTTP server
      const { startServer } = await import('../server/start');
      const server = await startServer({
        ...ctx.config,
        port: opts.port ?? ctx.config.port,
        host: opts.host ?? ctx.config.host,
      });
      const stop = async () => {
        await server.close();
        process.exit(0);
      };
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
    });
}
