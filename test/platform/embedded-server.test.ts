import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli, startServe, type ServerProcess } from '../support/process';

/**
 * The embedded mode as a user meets it: first start on an empty data directory, the
 * directory lock against a second process, the CLI sharing the running server's
 * database, and a restart that keeps everything.
 */
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'gn-embedded-'));
const env = { GIAMNGHEO_DATA_DIR: dataDir, DATABASE_URL: '', GIAMNGHEO_ADMIN_PASSWORD: '' };
let server: ServerProcess | undefined;

afterAll(async () => {
  await server?.stop();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

describe('embedded database', () => {
  it('first start creates the database and prints a generated admin password once', async () => {
    server = await startServe(env);
    const health = await (await fetch(`${server.url}/api/health`)).json();
    expect(health).toMatchObject({ status: 'ok', db: 'embedded' });
    const m = server.output().match(/║ {2}Mật khẩu:\s+(\S+)\s+║/);
    expect(m).not.toBeNull();
    const login = await fetch(`${server.url}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'admin', password: m![1] }),
    });
    expect(login.status).toBe(200);
    // a generated password must be changed at the first sign-in
    expect((await login.json()).user.mustChangePassword).toBe(true);
  });

  it('refuses a second process on the same data directory with one clear line', async () => {
    const second = await runCli(['serve', '--port', '0'], env);
    expect(second.code).toBe(1);
    expect(second.stderr.trim().split('\n')).toHaveLength(1);
    expect(second.stderr).toMatch(/^Lỗi: Thư mục dữ liệu .* đang được tiến trình \d+ sử dụng/);
  });

  it("lets the CLI read the running server's database through its socket", async () => {
    const res = await runCli(['audit', '--format', 'json'], env);
    expect(res.code).toBe(0);
    const rows = JSON.parse(res.stdout);
    expect(rows.map((r: { action: string }) => r.action)).toContain('auth.session.login');
    // a json or csv listing is an export of the trail, and is recorded in it
    const again = await runCli(['audit', '--format', 'json', '--entity', 'audit_log'], env);
    expect(JSON.parse(again.stdout)[0]).toMatchObject({ action: 'audit.log.export', actorName: 'cli' });
  });

  it('keeps the data over a restart and does not create the administrator again', async () => {
    expect(await server!.stop()).toBe(0);
    server = undefined;
    expect(fs.existsSync(path.join(dataDir, 'giamngheo.lock'))).toBe(false);
    server = await startServe(env);
    expect(server.output()).not.toMatch(/Mật khẩu:/);
    const res = await runCli(['audit', '--format', 'json', '--entity', 'user'], env);
    const creates = JSON.parse(res.stdout).filter((r: { action: string }) => r.action === 'users.user.create');
    expect(creates).toHaveLength(1);
  });

  it('answers malformed CLI arguments with one line and a non-zero exit', async () => {
    const res = await runCli(['audit', '--from', '2026-02-30'], env);
    expect(res.code).not.toBe(0);
    expect(res.stderr.trim().split('\n')).toHaveLength(1);
    expect(res.stderr).toMatch(/^Lỗi: .*2026-02-30/);
  });
});

describe('CLI argument errors', () => {
  it.each([
    [
      ['audit', '--format', 'xml'],
      /^Lỗi: giá trị "xml" của --format không hợp lệ; chọn một trong: json, csv, table\.$/,
    ],
    [['audit', '--bogus'], /^Lỗi: không có tùy chọn --bogus\.$/],
    [['khong-co-lenh'], /^Lỗi: không có lệnh "khong-co-lenh"/],
    [['users', 'add', '--username', 'x'], /^Lỗi: thiếu tùy chọn bắt buộc --name\.$/],
  ])('giamngheo %j → one Vietnamese line, exit ≠ 0', async (args, expected) => {
    const res = await runCli(args as string[], env);
    expect(res.code).not.toBe(0);
    expect(res.stderr.trim().split('\n')).toHaveLength(1);
    expect(res.stderr.trim()).toMatch(expected);
  });
});
