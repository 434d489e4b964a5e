import { Command, CommanderError } from 'commander';
import { loadConfig } from '../config';
import { AppError, fromDatabaseError } from '../errors';
import { registerCommands } from './commands';
import { cliContext } from './context';
import { commanderMessageVi } from './messages';

/** `giamngheo …`: every error is one line on stderr and a non-zero exit. */
const program = new Command('giamngheo')
  .description('Hệ thống thông tin quản lý Chương trình MTQG giảm nghèo bền vững')
  .exitOverride()
  .configureOutput({
    writeErr: (s) => process.stderr.write(s),
    outputError: (s, write) => write(`Lỗi: ${commanderMessageVi(s)}\n`),
  });

registerCommands(program, cliContext(loadConfig()));

function explain(caught: unknown): string {
  const err = fromDatabaseError(caught) ?? caught;
  if (err instanceof AppError) {
    const problems = (
      err.details as { problems?: { message: string; path?: string; row?: number; column?: string }[] } | undefined
    )?.problems;
    if (problems?.length) {
      const first = problems[0];
      const where = [first.path, first.row && `dòng ${first.row}`, first.column && `cột ${first.column}`]
        .filter(Boolean)
        .join(', ');
      return `${err.message} ${where ? `${where}: ` : ''}${first.message}${problems.length > 1 ? ` (và ${problems.length - 1} lỗi khác)` : ''}`;
    }
    return err.message;
  }
  const code = (err as NodeJS.ErrnoException)?.code;
  if (code === 'ECONNREFUSED') return 'Không kết nối được cơ sở dữ liệu (DATABASE_URL).';
  if (code === 'ENOENT') return `Không tìm thấy tệp: ${(err as NodeJS.ErrnoException).path}`;
  return err instanceof Error ? err.message : String(err);
}

try {
  await program.parseAsync(process.argv);
} catch (err) {
  if (err instanceof CommanderError) {
    // help and version are not errors; commander already printed its one-line message
    process.exit(err.exitCode === 0 ? 0 : 2);
  }
  process.stderr.write(`Lỗi: ${explain(err)}\n`);
  process.exit(1);
}
