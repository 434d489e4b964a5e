import net from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runDigest, sendOutbox } from '../../src/modules/plan/service';
import { testDatabase, type TestDatabase } from '../support/db';

/** A header of a raw message, unfolded, with its RFC 2047 encoded words decoded. */
function decodedHeader(raw: string, name: string): string {
  const head = raw.split('\r\n\r\n')[0].replace(/\r\n[ \t]+/g, ' ');
  const line = head.split('\r\n').find((l) => l.startsWith(`${name}: `)) ?? '';
  return line
    .slice(name.length + 2)
    .replace(/\?=\s+=\?/g, '?==?')
    .replace(/=\?UTF-8\?([BQ])\?([^?]*)\?=/gi, (_, enc: string, text: string) =>
      enc.toUpperCase() === 'B'
        ? Buffer.from(text, 'base64').toString('utf8')
        : Buffer.from(
            text
              .replace(/_/g, ' ')
              .replace(/=([0-9A-F]{2})/gi, (_m, h: string) => String.fromCharCode(parseInt(h, 16))),
            'latin1',
          ).toString('utf8'),
    );
}

/** The outbox sent to a fake SMTP server on loopback (it refuses one recipient). */
let t: TestDatabase;
let server: net.Server;
let port = 0;
const received: { from: string; to: string; data: string; auth: string }[] = [];

beforeAll(async () => {
  t = await testDatabase();
  server = net.createServer((sock) => {
    let buf = '';
    let inData = false;
    let cur = { from: '', to: '', data: '', auth: '' };
    let auth = '';
    sock.write('220 fake ESMTP\r\n');
    sock.on('data', (d) => {
      buf += d.toString('utf8');
      for (;;) {
        if (inData) {
          const end = buf.indexOf('\r\n.\r\n');
          if (end < 0) return;
          cur.data = buf.slice(0, end);
          buf = buf.slice(end + 5);
          inData = false;
          received.push({ ...cur, auth });
          sock.write('250 queued\r\n');
          continue;
        }
        const nl = buf.indexOf('\r\n');
        if (nl < 0) return;
        const line = buf.slice(0, nl);
        buf = buf.slice(nl + 2);
        if (line.startsWith('EHLO')) sock.write('250-fake\r\n250 AUTH PLAIN\r\n');
        else if (line.startsWith('AUTH PLAIN'))
          ((auth = Buffer.from(line.slice(11), 'base64').toString('utf8')), sock.write('235 ok\r\n'));
        else if (line.startsWith('MAIL FROM:'))
          ((cur = { from: line.slice(10), to: '', data: '', auth: '' }), sock.write('250 ok\r\n'));
        else if (line.startsWith('RCPT TO:'))
          line.includes('khong-nhan')
            ? sock.write('550 no such user\r\n')
            : ((cur.to = line.slice(8)), sock.write('250 ok\r\n'));
        else if (line === 'DATA') ((inData = true), sock.write('354 go\r\n'));
        else if (line === 'RSET') sock.write('250 ok\r\n');
        else if (line === 'QUIT') sock.end('221 bye\r\n');
        else sock.write('500 ?\r\n');
      }
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  port = (server.address() as net.AddressInfo).port;
});
afterAll(async () => {
  server?.close();
  await t?.close();
});

describe('e-mail outbox over SMTP', () => {
  it('sends the digest mails, keeps the refused one with its error for a retry', async () => {
    const mk = async (username: string, email: string) =>
      (
        await t.db.one<{ id: number }>(
          `INSERT INTO app_user (username, display_name, email, password_hash) VALUES ($1, $1, $2, 'x') RETURNING id`,
          [username, email],
        )
      ).id;
    const a = await mk('chu.quan', 'chuquan@example.vn');
    const b = await mk('khong.nhan', 'khong-nhan@example.vn');
    for (const id of [a, b])
      await t.db.query(`INSERT INTO user_grant (user_id, role) VALUES ($1, 'program_owner')`, [id]);
    const digest = await runDigest(t.db, '2022-06-28');
    expect(digest.emails).toBe(2);
    const r = await sendOutbox(t.db, {
      url: `smtp://may-chu:mat%20khau@127.0.0.1:${port}`,
      from: 'Hệ thống <giamngheo@example.vn>',
    });
    expect(r).toEqual({ sent: 1, failed: 1 });
    expect(received).toHaveLength(1);
    expect(received[0].to).toBe('<chuquan@example.vn>');
    expect(received[0].from).toBe('<giamngheo@example.vn>');
    expect(received[0].auth).toBe('\0may-chu\0mat khau');
    const body = received[0].data.split('\r\n\r\n')[1].replace(/\r\n/g, '');
    expect(Buffer.from(body, 'base64').toString('utf8')).toMatch(
      /^Đến hạn trong 7 ngày: \d+; đến hạn hôm nay: 0; quá hạn: \d+(; quá hạn, chưa nhận được báo cáo: \d+)?\.$/,
    );
    expect(decodedHeader(received[0].data, 'Subject')).toBe('[giamngheo] Tổng hợp nhiệm vụ ngày 28/06/2022');
    const rows = await t.db.query<{ to_address: string; sent: boolean; attempts: number; last_error: string | null }>(
      `SELECT to_address, sent_at IS NOT NULL AS sent, attempts, last_error FROM email_outbox ORDER BY to_address`,
    );
    expect(rows).toEqual([
      { to_address: 'chuquan@example.vn', sent: true, attempts: 1, last_error: null },
      {
        to_address: 'khong-nhan@example.vn',
        sent: false,
        attempts: 1,
        last_error: expect.stringContaining('550 no such user'),
      },
    ]);
    expect(await sendOutbox(t.db, { url: `smtp://127.0.0.1:${port}`, from: 'giamngheo@example.vn' })).toEqual({
      sent: 0,
      failed: 1,
    });
  });

  it('two senders at the same moment send each mail once', async () => {
    await t.db.query(`UPDATE email_outbox SET attempts = 5 WHERE sent_at IS NULL`); // the refused one has given up
    const user = (await t.db.one<{ id: number }>(`SELECT id FROM app_user WHERE username = 'chu.quan'`)).id;
    for (let i = 1; i <= 6; i++) {
      await t.db.query(
        `INSERT INTO email_outbox (user_id, to_address, subject, body) VALUES ($1, $2, 'Thử gửi song song', 'Nội dung')`,
        [user, `nguoi${i}@example.vn`],
      );
    }
    received.length = 0;
    const smtp = { url: `smtp://127.0.0.1:${port}`, from: 'giamngheo@example.vn' };
    const [a, b] = await Promise.all([sendOutbox(t.db, smtp), sendOutbox(t.db, smtp)]);
    expect(a.sent + b.sent).toBe(6);
    expect(a.failed + b.failed).toBe(0);
    expect(received.map((r) => r.to).sort()).toEqual([1, 2, 3, 4, 5, 6].map((i) => `<nguoi${i}@example.vn>`));
    const rows = await t.db.query<{ attempts: number }>(
      `SELECT attempts FROM email_outbox WHERE subject = 'Thử gửi song song'`,
    );
    expect(rows.map((r) => r.attempts)).toEqual([1, 1, 1, 1, 1, 1]);
  });
});
