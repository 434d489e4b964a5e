/**
 * What the operator sees on the console: a framed block for a one-time secret (it must not
 * be lost between log lines), log lines a person can read on a terminal (JSON for machines
 * otherwise), and a Vietnamese explanation when the HTTP port cannot be taken.
 */
import type { DestinationStream } from 'pino';

/** Lines in a box of ═ and ║ (Vietnamese letters are one column each once composed). */
export function framedBlock(lines: string[]): string {
  const texts = lines.map((l) => l.normalize('NFC'));
  const width = Math.max(...texts.map((l) => [...l].length));
  const pad = (l: string) => l + ' '.repeat(width - [...l].length);
  return (
    [`╔${'═'.repeat(width + 4)}╗`, ...texts.map((l) => `║  ${pad(l)}  ║`), `╚${'═'.repeat(width + 4)}╝`].join('\n') +
    '\n'
  );
}

/**
 * The one-time password of an account, as printed by the server's first start and `users reset-password` (fits 80
 * columns).
 */
export function oneTimePasswordBlock(username: string, password: string, why: string): string {
  return framedBlock([
    why,
    '',
    `Tên đăng nhập:  ${username}`,
    `Mật khẩu:       ${password}`,
    '',
    'Mật khẩu này chỉ in ra MỘT LẦN và không được lưu ở dạng đọc được.',
    'Hãy đăng nhập và đổi mật khẩu ngay:',
    'hệ thống sẽ yêu cầu đổi ở lần đăng nhập đầu tiên.',
  ]);
}

const LEVELS: Record<number, string> = { 10: 'TRACE', 20: 'DEBUG', 30: 'INFO ', 40: 'WARN ', 50: 'LỖI  ', 60: 'NẶNG ' };
const SKIP = new Set(['level', 'time', 'pid', 'hostname', 'msg']);

/** One pino JSON line → '22:41:07 INFO  message key=value'. */
export function humanLine(json: string): string {
  let o: Record<string, unknown>;
  try {
    o = JSON.parse(json);
  } catch {
    return json;
  }
  const time = new Date(typeof o.time === 'number' ? o.time : Date.now()).toLocaleTimeString('vi-VN', {
    hour12: false,
    timeZone: 'Asia/Ho_Chi_Minh',
  });
  const extra = Object.entries(o)
    .filter(([k]) => !SKIP.has(k))
    .map(([k, v]) => {
      const err = v as { stack?: string; message?: string } | null;
      if (k === 'err' && err && typeof err === 'object') return `\n${err.stack ?? err.message}`;
      return `${k}=${typeof v === 'string' ? v : JSON.stringify(v)}`;
    });
  return `${time} ${LEVELS[o.level as number] ?? String(o.level)} ${String(o.msg ?? '')}${extra.length ? ' ' + extra.join(' ') : ''}\n`;
}

/** Where log lines go: readable on a terminal, JSON (one object per line) when piped or with LOG_FORMAT=json. */
export function logDestination(
  format: string | undefined,
  out: NodeJS.WriteStream = process.stdout,
): DestinationStream {
  const human = format === 'pretty' || (format !== 'json' && out.isTTY === true);
  if (!human) return out;
  return { write: (line: string) => void out.write(humanLine(line)) };
}

/** The error of a failed listen, explained in Vietnamese (null: not a listen error we know). */
export function listenErrorMessage(err: unknown, host: string, port: number): string | null {
  const code = (err as NodeJS.ErrnoException)?.code;
  const where = `${host}:${port}`;
  if (code === 'EADDRINUSE') {
    return `Cổng ${port} (${where}) đang được một chương trình khác sử dụng, có thể là một máy chủ giamngheo khác. Hãy dừng chương trình đó, hoặc chạy trên cổng khác: PORT=${port + 1} npm start (hay giamngheo serve --port ${port + 1}).`;
  }
  if (code === 'EACCES')
    return `Không được phép mở cổng ${port} (${where}); cổng dưới 1024 cần quyền quản trị: hãy chọn cổng khác, ví dụ --port 3000.`;
  if (code === 'EADDRNOTAVAIL' || code === 'ENOTFOUND')
    return `Địa chỉ ${host} không có trên máy này; hãy dùng HOST=127.0.0.1 hoặc HOST=0.0.0.0.`;
  return null;
}
