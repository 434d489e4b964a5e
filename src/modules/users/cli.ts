import { Option, type Command } from 'commander';
import type { CliContext } from '../../cli/context';
import { FORMATS, printRows, type Format } from '../../cli/output';
import { ROLE_LABELS_VI, ROLES, type Role } from '../../domain/roles';
import { formatDateVi } from '../../domain/text';
import { AppError } from '../../errors';
import { oneTimePasswordBlock } from '../../console';
import { parse } from '../../validate';
import { systemActor } from '../audit/audit';
import { NewUser } from './contracts';
import {
  createUser,
  listAllUsers,
  lockUser,
  resetPassword,
  unitIdForRole,
  unlockUser,
  userIdByUsername,
  type Caller,
} from './service';

const CLI: Caller = { system: 'cli' };

const dateTimeVi = (iso: string | null) => {
  if (!iso) return '';
  const local = new Date(new Date(iso).getTime() + 7 * 3600_000).toISOString();
  return `${formatDateVi(local)} ${local.slice(11, 16)}`;
};

/** `giamngheo users …`: accounts, including the recovery of a lost administrator password. */
export function registerUsersCommands(program: Command, ctx: CliContext) {
  const users = program.command('users').description('Tài khoản');

  users
    .command('add')
    .description('Tạo tài khoản (mật khẩu đọc từ biến môi trường GIAMNGHEO_NEW_PASSWORD)')
    .requiredOption('--username <name>', 'tên đăng nhập')
    .requiredOption('--name <displayName>', 'họ tên')
    .addOption(new Option('--role <role>', 'vai trò').choices(ROLES).makeOptionMandatory())
    .option(
      '--unit <code>',
      'đơn vị hành chính: mã tỉnh hoặc xã đang có hiệu lực (ví dụ 01, 00004), hoặc mã phiên bản (P:01:2025-07-01)',
    )
    .option('--agency <agencyId>', 'cơ quan')
    .action(async (opts: { username: string; name: string; role: Role; unit?: string; agency?: string }) => {
      const password = process.env.GIAMNGHEO_NEW_PASSWORD;
      if (!password)
        throw new AppError(2, 'bad_argument', 'Cần đặt mật khẩu trong biến môi trường GIAMNGHEO_NEW_PASSWORD.');
      const user = await ctx.withDb(async (db) => {
        const input = parse(NewUser, {
          username: opts.username,
          displayName: opts.name,
          password,
          grants: [
            {
              role: opts.role,
              unitId: opts.unit ? await unitIdForRole(db, opts.role, opts.unit) : null,
              agencyId: opts.agency ?? null,
            },
          ],
        });
        return createUser(db, systemActor('cli'), input);
      });
      process.stdout.write(`Đã tạo tài khoản ${user.username} (id ${user.id}).\n`);
    });

  users
    .command('list')
    .description('Liệt kê tài khoản: vai trò, trạng thái, lần đăng nhập gần nhất')
    .addOption(new Option('--format <format>', 'định dạng').choices(FORMATS).default('table'))
    .action(async (opts: { format: Format }) => {
      const rows = await ctx.withDb((db) => listAllUsers(db));
      printRows(
        rows.map((u) => ({
          username: u.username,
          displayName: u.displayName,
          roles: u.grants.map((g) => `${ROLE_LABELS_VI[g.role]}${g.inForce ? '' : ' (hết/chưa hiệu lực)'}`).join('; '),
          status: u.active ? (u.mustChangePassword ? 'phải đổi mật khẩu' : 'đang hoạt động') : 'đã khóa',
          lastLogin: opts.format === 'table' ? dateTimeVi(u.lastLoginAt) : u.lastLoginAt,
        })),
        opts.format,
      );
    });

  users
    .command('reset-password')
    .description(
      'Đặt lại mật khẩu (khôi phục tài khoản quản trị): mật khẩu mới lấy từ GIAMNGHEO_NEW_PASSWORD, hoặc được tạo và in ra một lần (phải đổi ở lần đăng nhập sau)',
    )
    .requiredOption('--username <name>', 'tên đăng nhập')
    .action(async (opts: { username: string }) => {
      const password = process.env.GIAMNGHEO_NEW_PASSWORD || undefined;
      const result = await ctx.withDb(async (db) =>
        resetPassword(db, CLI, await userIdByUsername(db, opts.username), { password }),
      );
      if (password)
        process.stdout.write(
          `Đã đặt mật khẩu mới cho ${result.user.username} từ GIAMNGHEO_NEW_PASSWORD; các phiên đăng nhập cũ đã kết thúc.\n`,
        );
      else
        process.stdout.write(
          oneTimePasswordBlock(
            result.user.username,
            result.temporaryPassword,
            `Đã đặt lại mật khẩu của "${result.user.username}".`,
          ),
        );
      if (!result.user.active)
        process.stdout.write(
          `Lưu ý: tài khoản ${result.user.username} đang bị khóa; mở khóa bằng: giamngheo users unlock --username ${result.user.username}\n`,
        );
    });

  users
    .command('lock')
    .description('Khóa tài khoản: từ chối đăng nhập và kết thúc mọi phiên đang mở')
    .requiredOption('--username <name>', 'tên đăng nhập')
    .action(async (opts: { username: string }) => {
      const user = await ctx.withDb(async (db) => lockUser(db, CLI, await userIdByUsername(db, opts.username)));
      process.stdout.write(`Đã khóa tài khoản ${user.username}.\n`);
    });

  users
    .command('unlock')
    .description('Mở khóa tài khoản (và xóa số lần đăng nhập sai)')
    .requiredOption('--username <name>', 'tên đăng nhập')
    .action(async (opts: { username: string }) => {
      const user = await ctx.withDb(async (db) => unlockUser(db, CLI, await userIdByUsername(db, opts.username)));
      process.stdout.write(`Đã mở khóa tài khoản ${user.username}.\n`);
    });
}
