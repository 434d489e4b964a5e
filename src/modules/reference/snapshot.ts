/**
 * Reference data and aggregated figures from memory. Units, lineage, agencies, program structure and
 * standards change a few times a year, yet were read from the database and serialised again on every
 * request. A snapshot holds the serialised answers (JSON bytes, ETag, gzip copy made once) of the
 * current reference-data version; it is dropped whole when the version counter in the database
 * (reference_version, bumped by triggers whoever writes) has moved. The counter is read at most once
 * per `recheckMs` (one query shared by concurrent requests), so another process's change is seen within
 * that delay. The aggregated figures (public page, poverty summary, national overview) are kept the
 * same way, under their own version, which moves when an import, an approval or a published figure commits;
 * so are the public files made from them (CSV, Excel), kept as the bytes first sent.
 */
import { createHash } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import type { Db } from '../../db/client';
import { figuresVersion, referenceVersion } from './repo';

export interface ReferenceAnswer {
  body: Uint8Array<ArrayBuffer>;
  etag: string;
  /** the file's media type and Content-Disposition; absent for a JSON answer */
  file?: { type: string; disposition: string | null };
  /** worth a gzip copy: JSON and text (an Excel file is already compressed) */
  compressible: boolean;
  /** gzip copy, made on the first request that accepts it */
  gzipped(): Uint8Array<ArrayBuffer>;
}

/** A file answer (CSV, Excel) as the route made it: its bytes, media type and Content-Disposition. */
export class FileAnswer {
  constructor(
    readonly bytes: Uint8Array<ArrayBuffer>,
    readonly type: string,
    readonly disposition: string | null,
  ) {}
}

function answerOf(value: unknown): ReferenceAnswer {
  const file = value instanceof FileAnswer ? value : undefined;
  const body = file ? file.bytes : new TextEncoder().encode(JSON.stringify(value ?? { ok: true }));
  let gz: Uint8Array<ArrayBuffer> | undefined;
  return {
    body,
    etag: `"${createHash('sha1').update(body).digest('base64url').slice(0, 22)}"`,
    file: file && { type: file.type, disposition: file.disposition },
    compressible: !file || /^text\//.test(file.type),
    gzipped: () => (gz ??= new Uint8Array(gzipSync(body))),
  };
}

export interface SnapshotOptions {
  /** how often the version counter is read (ms) */
  recheckMs?: number;
  /** memory bound of the stored answers; the oldest are dropped beyond it */
  maxBytes?: number;
}

export class ReferenceSnapshot {
  private version: string | null = null;
  private checkedAt = 0;
  private checking: Promise<void> | null = null;
  private generation = 0;
  private readonly answers = new Map<string, ReferenceAnswer>();
  /** the answers of the version before, with when that version was last seen current */
  private readonly previous = new Map<string, { answer: ReferenceAnswer; until: number }>();
  private readonly building = new Map<string, Promise<ReferenceAnswer>>();
  private bytes = 0;
  private readonly recheckMs: number;
  private readonly maxBytes: number;

  constructor(
    private readonly db: Db,
    opts: SnapshotOptions = {},
    private readonly readVersion: (db: Db) => Promise<string> = referenceVersion,
  ) {
    this.recheckMs = opts.recheckMs ?? Number(process.env.GIAMNGHEO_REFERENCE_RECHECK_MS ?? 1000);
    this.maxBytes = opts.maxBytes ?? 64 * 1024 * 1024;
  }

  /** Brings the snapshot to the database's version (drops it when the counter moved). */
  async refresh(force = false): Promise<string> {
    if (force || this.version === null || Date.now() - this.checkedAt >= this.recheckMs) {
      const generation = this.generation;
      const check = (this.checking ??= this.readVersion(this.db)
        .then((v) => {
          // a check begun before expire() may have read the counter before the change committed
          if (generation !== this.generation) return;
          if (v !== this.version) this.drop(v);
          this.checkedAt = Date.now();
        })
        .finally(() => {
          if (this.checking === check) this.checking = null;
        }));
      await check;
      if (generation !== this.generation) return this.refresh(force);
      if (force) this.previous.clear(); // the caller wants the current answers, not the last ones
    }
    return this.version!;
  }

  /**
   * The next answer reads the counter again (after a change made through this process: read your writes).
   * Public figures may still lag one rebuild behind, as any cache may keep them for their max-age.
   */
  expire() {
    this.generation++;
    this.checkedAt = 0;
    this.checking = null;
  }

  /** The answer under `key` in the current version, built once by `build` on a miss. */
  answer(
    key: string,
    build: () => Promise<unknown> | unknown,
    maxStaleMs = 0,
  ): ReferenceAnswer | Promise<ReferenceAnswer> {
    // the common case, without a promise: a stored answer of a version checked less than recheckMs ago
    if (this.version !== null && Date.now() - this.checkedAt < this.recheckMs) {
      const hit = this.answers.get(key);
      if (hit) return hit;
    }
    // Public answers may be as old as their Cache-Control allows any cache to keep them: the last one,
    // current less than maxStaleMs ago, is served at once while the new one is checked and built behind it
    // (on the embedded engine that wait is every import's transaction; the public would queue behind them).
    if (maxStaleMs > 0) {
      const current = this.answers.get(key);
      const old = current ? { answer: current, until: this.checkedAt } : this.previous.get(key);
      if (old && Date.now() - old.until < maxStaleMs) {
        void this.answerAfterCheck(key, build).catch(() => undefined);
        return old.answer;
      }
    }
    return this.answerAfterCheck(key, build);
  }

  private async answerAfterCheck(key: string, build: () => Promise<unknown> | unknown): Promise<ReferenceAnswer> {
    const version = await this.refresh();
    const hit = this.answers.get(key);
    if (hit) return hit;
    const pending = this.building.get(key);
    if (pending) return pending;
    const made = (async () => answerOf(await build()))();
    this.building.set(key, made);
    try {
      const a = await made;
      // a change seen while building: the answer may mix versions, so it is served once and not kept
      if (this.version === version) this.keep(key, a);
      return a;
    } finally {
      this.building.delete(key);
    }
  }

  get size() {
    return { answers: this.answers.size, bytes: this.bytes, version: this.version };
  }

  private keep(key: string, a: ReferenceAnswer) {
    this.answers.set(key, a);
    this.bytes += a.body.length;
    for (const [k, old] of this.answers) {
      if (this.bytes <= this.maxBytes) break;
      this.answers.delete(k);
      this.bytes -= old.body.length;
    }
  }

  private drop(version: string) {
    this.previous.clear();
    for (const [k, a] of this.answers) this.previous.set(k, { answer: a, until: this.checkedAt });
    this.version = version;
    this.answers.clear();
    this.building.clear();
    this.bytes = 0;
  }
}

const snapshots = new WeakMap<Db, ReferenceSnapshot>();
const figureSnapshots = new WeakMap<Db, ReferenceSnapshot>();

/** The snapshot of one database (one per server process and database). */
export function referenceSnapshotOf(db: Db): ReferenceSnapshot {
  let s = snapshots.get(db);
  if (!s) snapshots.set(db, (s = new ReferenceSnapshot(db)));
  return s;
}

/** The snapshot of the aggregated figures of one database (its own counter, same delay). */
export function figuresSnapshotOf(db: Db): ReferenceSnapshot {
  let s = figureSnapshots.get(db);
  if (!s) figureSnapshots.set(db, (s = new ReferenceSnapshot(db, {}, figuresVersion)));
  return s;
}
