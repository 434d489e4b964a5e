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

class Connection {
  private buffer = Buffer.alloc(0);
  private started = false;
  private release: (() => void) | null = null;
  private chain: Promise<void> = Promise.resolve();

  constructor(
    private readonly socket: net.Socket,
    private readonly db: PGlite,
    private readonly mutex: Mutex,
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
          this.enqueue(() => this.run(new Uint8Array(message), true));
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
      this.enqueue(() => this.run(message, BATCH_END.has(type)));
    }
  }

  private async run(message: Uint8Array, endsBatch: boolean) {
    if (!this.release) this.release = await this.mutex.acquire();
    await this.db.execProtocolRawStream(message, {
      // `out` is a view of PGlite's WebAssembly memory, reused by the next query: a socket that
      // cannot send at once keeps it queued, so it must get a copy
      onRawData: (out) => {
        if (out.length && this.socket.writable) this.socket.write(Buffer.from(out));
      },
    });
    if (endsBatch && !this.db.isInTransaction()) this.unlock();
  }

  private async cleanUp() {
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

export async function serveWire(db: PGlite, port = 0, host = '127.0.0.1'): Promise<WireServer> {
  await db.waitReady;
  const mutex = new Mutex();
  const sockets = new Set<net.Socket>();
  const server = net.createServer((socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    new Connection(socket, db, mutex);
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
