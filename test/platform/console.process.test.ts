import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { framedBlock, humanLine, listenErrorMessage } from '../../src/console';
import { runCli } from '../support/process';

/** What the operator sees on the console when starting the server. */
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'gn-console-'));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

describe('console output', () => {
  it('frames a block so that it stands out from log lines', () => {
    expect(framedBlock(['Mật khẩu:  abcd', 'Đổi ngay'])).toBe(
      [
        '╔' + '═'.repeat(19) + '╗',
        '║  Mật khẩu:  abcd  ║',
        '║  Đổi ngay         ║',
        '╚' + '═'.repeat(19) + '╝',
        '',
      ].join('\n'),
    );
  });

  it('turns a JSON log line into a readable one', () => {
    const line = humanLine(
      JSON.stringify({
        level: 30,
        time: Date.UTC(2026, 10, 30, 15, 4, 5),
        pid: 1,
        hostname: 'h',
        msg: 'giamngheo đang chạy',
        port: 3000,
      }),
    );
    expect(line).toBe('22:04:05 INFO  giamngheo đang chạy port=3000\n');
  });

  it('explains a busy port in Vietnamese', () => {
    const err = Object.assign(new Error('listen EADDRINUSE: address already in use 127.0.0.1:3000'), {
      code: 'EADDRINUSE',
    });
    expect(listenErrorMessage(err, '127.0.0.1', 3000)).toMatch(
      /^Cổng 3000 \(127\.0\.0\.1:3000\) đang được một chương trình khác sử dụng/,
    );
  });
});

describe('server start failures', () => {
  it('on a busy port fails before creating a database or an administrator, with one Vietnamese line', async () => {
    const blocker = net.createServer();
    await new Promise<void>((r) => blocker.listen(0, '127.0.0.1', r));
    const port = (blocker.address() as net.AddressInfo).port;
    const dataDir = path.join(tmp, 'busy');
    try {
      const res = await runCli(['serve', '--port', String(port)], {
        GIAMNGHEO_DATA_DIR: dataDir,
        DATABASE_URL: '',
        GIAMNGHEO_ADMIN_PASSWORD: '',
      });
      expect(res.code).toBe(1);
      expect(res.stderr.trim().split('\n')).toHaveLength(1);
      expect(res.stderr).toMatch(
        new RegExp(`^Lỗi: Cổng ${port} \\(127\\.0\\.0\\.1:${port}\\) đang được một chương trình khác sử dụng`),
      );
      expect(res.stderr + res.stdout).not.toMatch(/EADDRINUSE|mật khẩu/i);
      expect(fs.existsSync(dataDir)).toBe(false);
    } finally {
      blocker.close();
    }
  });

  it('refuses a weak GIAMNGHEO_ADMIN_PASSWORD before creating anything', async () => {
    const dataDir = path.join(tmp, 'weak');
    const res = await runCli(['serve', '--port', '0'], {
      GIAMNGHEO_DATA_DIR: dataDir,
      DATABASE_URL: '',
      GIAMNGHEO_ADMIN_PASSWORD: '1',
    });
    expect(res.code).toBe(1);
    expect(res.stderr.trim()).toMatch(
      /^Lỗi: GIAMNGHEO_ADMIN_PASSWORD không dùng được: Mật khẩu cần ít nhất 12 ký tự \(hiện có 1\)\./,
    );
    expect(fs.existsSync(dataDir)).toBe(false);
  });
});
