import type { Config } from '../config';
import { oneTimePasswordBlock } from '../console';
import { migrate } from '../db/migrate';
import type { OpenDatabase } from '../db/open';
import { loadReferenceData } from '../db/reference-data';
import { passwordProblems } from '../domain/auth/password-policy';
import { AppError } from '../errors';
import { commonPasswords } from '../modules/auth/common-passwords';
import { ensureFirstAdmin } from '../modules/users/service';
import { DATASETS } from './datasets';

/** Database start-up, shared by the server and the CLI (which starts without the HTTP server). */

/**
 * GIAMNGHEO_ADMIN_PASSWORD must meet the password policy like any other password; it is checked
 * before anything is created, so a weak value leaves no database and no account behind.
 */
export function assertAdminPasswordSetting(config: Config): void {
  if (config.adminPassword === undefined) return;
  const problems = passwordProblems(config.adminPassword, { username: 'admin', common: commonPasswords() });
  if (problems.length) {
    throw new AppError(
      1,
      'bad_config',
      `GIAMNGHEO_ADMIN_PASSWORD không dùng được: ${problems.join(' ')} Hãy đặt một mật khẩu khác, hoặc bỏ biến này để hệ thống tạo mật khẩu và in ra một lần.`,
    );
  }
}

/**
 * Brings a database to the current schema and reference data, and makes sure an administrator
 * exists. A generated administrator password is written once with `announce`, as a framed block.
 */
export async function prepareDatabase(
  opened: OpenDatabase,
  config: Config,
  log: (msg: string) => void,
  announce = log,
): Promise<void> {
  assertAdminPasswordSetting(config);
  const applied = await migrate(opened.db);
  if (applied.length) log(`Đã áp dụng ${applied.length} migration: ${applied.join(', ')}`);
  await loadReferenceData(opened.db, DATASETS, log);
  const admin = await ensureFirstAdmin(opened.db, config.adminPassword);
  if (admin.generatedPassword) {
    // Printed once, on the console only; it is never logged or stored in clear.
    announce(oneTimePasswordBlock('admin', admin.generatedPassword, 'Đã tạo tài khoản quản trị đầu tiên.'));
  } else if (admin.created) {
    log('Đã tạo tài khoản quản trị "admin" với mật khẩu từ GIAMNGHEO_ADMIN_PASSWORD.');
  }
}
