import { timingSafeEqual, createHash } from 'node:crypto';
import net from 'node:net';
import type { PGlite } from '@electric-sql/pglite';

/**
 * Serves one PGlite database to many PostgreSQL-protocol clients on 127.0.0.1.
 *
 * PGlite has a single session, so clients must take turns by whole request batches, not by
 * single messages: node-postgres sends Parse/Bind/Describe/Execute/Sync, and interleaving two
 * clients' messages loses the unnamed portal ("portal does not exist"; seen with
 * pglite-socket 0.2.17 under concurrent requests). Here a client takes the lock at the first
 * message of a batch and releases it after the batch's Sync or simple Query — and only once
 * no transaction is open, so a transaction is never shared with another client. A client
 * that disconnects inside a transaction has it rolled back.
 *
 * With a password, a client must give it before anything reaches the database (any local process
 * can reach 127.0.0.1). A client that holds the database (an open transaction, or a batch without
 * its Sync) and stays silent for idleMs is disconnected and its transaction rolled back, so one
 * stuck client cannot freeze every other.
 */

const SSL_REQUEST = 80877103;
const GSSENC_REQUEST = 80877104;
const CANCEL_REQUEST = 80877102;
const PROTOCOL_3 = 196608;

/** Message types after which a batch is complete: Sync, simple Query. */
const BATCH_END = new Set(['S', 'Q']);
const TERMINATE = 'X';

class Mutex {
  private tail: Promise<void> = Promise.resolve();
  acquire(): Promise<() => void> {
    let release!: () => void;
    const next = new Promise<void>((r) => (release = r));
    const ready = this.tail.then(() => release);
    this.tail = this.tail.then(() => next);
    return ready;
  }
}

export interface WireOptions {
  /** Password every client must give (cleartext over loopback); none: no authentication. */
  password?: string;
  /** Idle time allowed to a client holding the database, ms. */
  idleMs?: number;
}

/** An ErrorResponse message: severity FATAL, SQLSTATE code, Vietnamese message. */
function fatal(code: string, message: string): Buffer {
  const fields = Buffer.concat([
    ...[
      ['S', 'FATAL'],
      ['V', 'FATAL'],
      ['C', code],
      ['M', message],
    ].map(([k, v]) => Buffer.concat([Buffer.from(k), Buffer.from(v, 'utf8'), Buffer.from([0])])),
    Buffer.from([0]),
  ]);
  const head = Buffer.alloc(5);
  head.write('E', 0);
  head.writeInt32BE(4 + fields.length, 1);
  return Buffer.concat([head, fields]);
}

const AUTH_CLEARTEXT = Buffer.from([0x52, 0, 0, 0, 8, 0, 0, 0, 3]); // 'R', length 8, AuthenticationCleartextPassword

const digest = (s: string | Buffer) => createHash('sha256').update(s).digest();

class Connection {
  private buffer = Buffer.alloc(0);
  private started = false;
  /** The startup message kept while the client is asked for its password. */
  private pendingStartup: Uint8Array | null = null;
  private release: (() => void) | null = null;
  private chain: Promise<void> = Promise.resolve();
  private idleTimer: NodeJS.Timeout | undefined;

  constructor(
    private readonly socket: net.Socket,
    private readonly db: PGlite,
    private readonly mutex: Mutex,
    private readonly options: WireOptions = {},
  ) {
    socket.setNoDelay(true);
    socket.on('data', (data) => this.onData(data));
    socket.on('close', () => this.enqueue(() => this.cleanUp()));
    socket.on('error', () => socket.destroy());
  }

  private enqueue(step: () => Promise<void>) {
    this.chain = this.chain.then(step).catch(() => {
      this.socket.destroy();
    });
  }

  private onData(data: Buffer) {
    clearTimeout(this.idleTimer);
    this.buffer = Buffer.concat([this.buffer, data]);
    for (;;) {
      if (!this.started) {
        if (this.buffer.length < 8) return;
        const length = this.buffer.readInt32BE(0);
        if (this.buffer.length < length) return;
        const message = this.buffer.subarray(0, length);
        this.buffer = this.buffer.subarray(length);
        const code = message.readInt32BE(4);
        if (code === SSL_REQUEST || code === GSSENC_REQUEST) {
          this.socket.write('N');
        } else if (code === CANCEL_REQUEST) {
          this.socket.end(); // cancellation is not supported by the embedded engine
          return;
        } else if (code === PROTOCOL_3) {
          this.started = true;
          if (this.options.password) {
            this.pendingStartup = new Uint8Array(message);
            this.socket.write(AUTH_CLEARTEXT);
          } else {
            this.enqueue(() => this.run(new Uint8Array(message), true));
          }
        } else {
          this.socket.destroy();
          return;
        }
        continue;
      }
      if (this.buffer.length < 5) return;
      const length = 1 + this.buffer.readInt32BE(1);
      if (this.buffer.length < length) return;
      const message = new Uint8Array(this.buffer.subarray(0, length));
      this.buffer = this.buffer.subarray(length);
      const type = String.fromCharCode(message[0]);
      if (type === TERMINATE) {
        this.socket.end();
        return;
      }
      if (this.pendingStartup) {
        if (!this.checkPassword(type, message)) return;
        const startup = this.pendingStartup;
        this.pendingStartup = null;
        this.enqueue(() => this.run(startup, true));
        continue;
      }
      this.enqueue(() => this.run(message, BATCH_END.has(type)));
    }
  }

  /** A PasswordMessage with the right password; otherwise the client is refused and disconnected. */
  private checkPassword(type: string, message: Uint8Array): boolean {
    const given = type === 'p' ? Buffer.from(message.subarray(5, message.length - 1)) : Buffer.alloc(0);
    if (type === 'p' && timingSafeEqual(digest(given), digest(this.options.password!))) return true;
    this.socket.end(fatal('28P01', 'Sai mật khẩu kết nối cơ sở dữ liệu nhúng.'));
    this.buffer = Buffer.alloc(0);
    return false;
  }

  private async run(message: Uint8Array, endsBatch: boolean) {
    if (this.socket.destroyed) return;
    clearTimeout(this.idleTimer);
    if (!this.release) this.release = await this.mutex.acquire();
    await this.db.execProtocolRawStream(message, {
      // `out` is a view of PGlite's WebAssembly memory, reused by the next query: a socket that
      // cannot send at once keeps it queued, so it must get a copy
      onRawData: (out) => {
        if (out.length && this.socket.writable) this.socket.write(Buffer.from(out));
      },
    });
    if (endsBatch && !this.db.isInTransaction()) this.unlock();
    else this.watchIdle();
  }

  /** Holding the database: disconnect (and roll back) if the client says nothing for idleMs. */
  private watchIdle() {
    const idleMs = this.options.idleMs;
    if (!idleMs) return;
    clearTimeout(this.idleTimer);
    this.idleTimer = setTimeout(() => {
      if (!this.release) return;
      this.socket.end(
        fatal('25P03', 'Kết nối giữ giao dịch mà không hoạt động quá lâu nên đã bị đóng; giao dịch đã được huỷ.'),
      );
      this.socket.destroy();
    }, idleMs);
    this.idleTimer.unref();
  }

  private async cleanUp() {
    clearTimeout(this.idleTimer);
    if (!this.release) return;
    try {
      if (this.db.isInTransaction()) await this.db.exec('ROLLBACK');
    } finally {
      this.unlock();
    }
  }

  private unlock() {
    const release = this.release;
    this.release = null;
    release?.();
  }
}

export interface WireServer {
  port: number;
  close(): Promise<void>;
}

export async function serveWire(
  db: PGlite,
  port = 0,
  host = '127.0.0.1',
  options: WireOptions = {},
): Promise<WireServer> {
  await db.waitReady;
  const mutex = new Mutex();
  const sockets = new Set<net.Socket>();
  const server = net.createServer((socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    new Connection(socket, db, mutex, options);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve());
  });
  const address = server.address() as net.AddressInfo;
  return {
    port: address.port,
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}
