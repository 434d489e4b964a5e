/**
 * A minimal SMTP client for the e-mail outbox (RFC 5321): EHLO, STARTTLS when offered on smtp://,
 * implicit TLS on smtps://, AUTH PLAIN when the URL has credentials, one message per MAIL/RCPT/DATA.
 * Configured by GIAMNGHEO_SMTP_URL (e.g. smtp://user:password@mail.example.vn:587) and
 * GIAMNGHEO_MAIL_FROM; without a URL the outbox just waits.
 */
import net from 'node:net';
import tls from 'node:tls';

export interface SmtpSettings {
  url: string;
  from: string;
}

export function smtpSettings(env: NodeJS.ProcessEnv = process.env): SmtpSettings | null {
  if (!env.GIAMNGHEO_SMTP_URL) return null;
  return { url: env.GIAMNGHEO_SMTP_URL, from: env.GIAMNGHEO_MAIL_FROM ?? 'giamngheo@localhost' };
}

export interface Mail {
  to: string;
  subject: string;
  body: string;
}

const b64 = (s: string) => Buffer.from(s, 'utf8').toString('base64');

/** The message with UTF-8 headers (RFC 2047) and a base64 body (RFC 2045). */
export function formatMessage(from: string, mail: Mail, date = new Date()): string {
  const lines = [
    `From: ${from}`,
    `To: ${mail.to}`,
    `Subject: =?UTF-8?B?${b64(mail.subject)}?=`,
    `Date: ${date.toUTCString()}`,
    'MIME-Version: 1.0',
    'Content-Type: text/plain; charset=UTF-8',
    'Content-Transfer-Encoding: base64',
    '',
    ...(b64(mail.body).match(/.{1,76}/g) ?? []),
  ];
  return lines.join('\r\n');
}

class Conversation {
  private buffer = '';
  private waiting: ((line: string) => void) | null = null;
  private failed: Error | null = null;
  constructor(public socket: net.Socket) {
    this.attach(socket);
  }
  attach(socket: net.Socket) {
    this.socket = socket;
    socket.setEncoding('utf8');
    socket.on('data', (d: string) => {
      this.buffer += d;
      this.flush();
    });
    socket.on('error', (e) => {
      this.failed = e;
      this.flush();
    });
  }
  /** A complete reply: the last line has a space after the code. */
  private flush() {
    if (!this.waiting) return;
    if (this.failed) return this.waiting(`ERR ${this.failed.message}`);
    const m = this.buffer.match(/(?:^|\r\n)(\d{3}) [^\r\n]*\r\n/);
    if (!m) return;
    const end = this.buffer.indexOf(m[0]) + m[0].length;
    const reply = this.buffer.slice(0, end);
    this.buffer = this.buffer.slice(end);
    const w = this.waiting;
    this.waiting = null;
    w(reply);
  }
  read(): Promise<string> {
    return new Promise((resolve) => {
      this.waiting = resolve;
      this.flush();
    });
  }
  async cmd(line: string | null, expect: number): Promise<string> {
    if (line !== null) this.socket.write(`${line}\r\n`);
    const reply = await this.read();
    const code = Number(reply.slice(0, 3));
    if (code !== expect) throw new Error(`Máy chủ thư trả lời "${reply.trim().split('\r\n').pop()}" cho lệnh ${line?.split(' ')[0] ?? '(chào)'}.`);
    return reply;
  }
}

/** Sends the mails over one connection; returns per-mail errors (null = sent). */
export async function sendMails(settings: SmtpSettings, mails: Mail[]): Promise<(string | null)[]> {
  const u = new URL(settings.url);
  const secure = u.protocol === 'smtps:';
  const port = Number(u.port || (secure ? 465 : 25));
  const socket: net.Socket = secure ? tls.connect({ host: u.hostname, port, servername: u.hostname }) : net.connect({ host: u.hostname, port });
  const c = new Conversation(socket);
  const results: (string | null)[] = [];
  try {
    await c.cmd(null, 220);
    let ehlo = await c.cmd('EHLO giamngheo', 250);
    if (!secure && /STARTTLS/i.test(ehlo) && u.searchParams.get('tls') !== 'off') {
      await c.cmd('STARTTLS', 220);
      const upgraded = tls.connect({ socket, servername: u.hostname });
      c.attach(upgraded);
      ehlo = await c.cmd('EHLO giamngheo', 250);
    }
    if (u.username) {
      await c.cmd(`AUTH PLAIN ${Buffer.from(`\0${decodeURIComponent(u.username)}\0${decodeURIComponent(u.password)}`).toString('base64')}`, 235);
    }
    for (const mail of mails) {
      try {
        await c.cmd(`MAIL FROM:<${settings.from.replace(/.*<|>.*/g, '')}>`, 250);
        await c.cmd(`RCPT TO:<${mail.to}>`, 250);
        await c.cmd('DATA', 354);
        const data = formatMessage(settings.from, mail).replace(/\r\n\./g, '\r\n..');
        await c.cmd(`${data}\r\n.`, 250);
        results.push(null);
      } catch (e) {
        results.push((e as Error).message);
        await c.cmd('RSET', 250).catch(() => undefined);
      }
    }
    await c.cmd('QUIT', 221).catch(() => undefined);
  } catch (e) {
    while (results.length < mails.length) results.push((e as Error).message);
  } finally {
    c.socket.destroy();
  }
  return results;
}
