/**
 * Field benchmark: N phones at once, each syncing its surveys (50 by default, each with a photo) through the
 * HTTP API of a real `giamngheo serve` process — POST /api/field/photos/:id (raw JPEG), then
 * POST /api/field/surveys {surveys: [...]} in batches — on PostgreSQL (default 1,000 phones) and on the
 * embedded engine (default 100 phones, a tenth). Reported: surveys synced per second, p95 of the survey and
 * photo requests, errors (any answer other than 200 + accepted; must be 0), the server's peak RSS, and a
 * retry of every phone's first batch (must all come back `duplicate`). Baselines in the same run:
 *   - the same phones each sending as many bare authenticated GETs (/api/auth/me) as sync requests;
 *   - the same households written through the register import path of the Excel upload (importParsed),
 *     in the set-up: households per second.
 *
 *   npm run bench:field                                   (both engines, default sizes)
 *   npm run bench:field -- --phones 20 --engines embedded
 *   npm run bench:field -- --phones 50 --surveys 50 --batch 10 --photo-kb 200 --engines postgres
 *
 * Set-up (not timed in the figures): fresh database, reference data, one commune officer per commune
 * (10 phones share a commune and a user, each phone with its own session), last year's household list
 * (2025) of each commune; the phones survey these households for 2026, each household once. Communes are
 * taken from one province whose communes did not change in 2026 and have a boundary (positions are
 * placed inside the commune's box).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { DATASETS } from '../src/app/datasets';
import { connectPool, type PoolDb } from '../src/db/client';
import { startEmbedded } from '../src/db/embedded';
import { migrate } from '../src/db/migrate';
import { loadReferenceData } from '../src/db/reference-data';
import type { FieldSurveyDraft } from '../src/domain/field/draft';
import { classifyHousehold, type Classification } from '../src/domain/poverty/classify';
import type { ParsedHousehold, ParsedMember } from '../src/domain/poverty/workbook';
import { systemActor } from '../src/modules/audit/audit';
import { createSession, SESSION_COOKIE } from '../src/modules/auth/session';
import { communeBox } from '../src/modules/field/geo';
import type { CommuneRow } from '../src/modules/poverty/repo';
import { importParsed } from '../src/modules/poverty/service';
import { createUser } from '../src/modules/users/service';
import { startServe } from '../test/support/process';
import { fmt, freshPostgresDatabase, machine, mulberry32, peakRssMiB, percentile, timed } from './support';

type Engine = 'embedded' | 'postgres';

function option(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
}
const PHONES_OPT = option('phones');
const ENGINES = (option('engines') ?? 'postgres,embedded').split(',') as Engine[];
const SURVEYS = Number(option('surveys') ?? 50);
const BATCH = Number(option('batch') ?? 10);
const PHOTO_KB = Number(option('photo-kb') ?? 200);
const PHONES_PER_COMMUNE = 10;
const LIST_YEAR = 2025;
const YEAR = 2026;
/** Thanh Hóa: a large province whose communes kept their versions through 2026. */
const PROVINCE_CODE = '38';
const PASSWORD = 'mat-khau-do-hieu-nang-field';
const phonesOf = (engine: Engine) => Number(PHONES_OPT ?? (engine === 'postgres' ? 1000 : 100));

/**
 * A real JPEG (the test fixture photo) grown to the size of a phone photo resized to ≤ 1600 px (about
 * 200 KB) with comment segments (JPEG COM markers, ignored by decoders): still a valid image, sniffed as JPEG.
 */
function benchPhoto(kb: number): Buffer {
  const base = fs.readFileSync(path.resolve(import.meta.dirname, '../test/fixtures/field/nha.jpg'));
  const parts: Buffer[] = [base.subarray(0, 2)];
  let missing = kb * 1024 - base.length;
  while (missing > 4) {
    const n = Math.min(65_533, missing - 4);
    const seg = Buffer.alloc(n + 4, 0x20);
    seg.writeUInt16BE(0xfffe, 0);
    seg.writeUInt16BE(n + 2, 2);
    parts.push(seg);
    missing -= n + 4;
  }
  parts.push(base.subarray(2));
  return Buffer.concat(parts);
}

interface Phone {
  commune: CommuneRow;
  cookie: string;
  households: string[];
}

async function communesFor(db: PoolDb, count: number): Promise<CommuneRow[]> {
  const rows = await db.query<CommuneRow>(
    `SELECT c.id, c.code, c.full_name AS "fullName", c.province_id AS "provinceId", p.full_name AS "provinceName"
     FROM admin_unit c JOIN admin_unit p ON p.id = c.province_id
     WHERE c.level = 'commune' AND p.code = $1 AND c.valid_from <= $2 AND (c.valid_to IS NULL OR c.valid_to > $3)
     ORDER BY c.code`,
    [PROVINCE_CODE, `${LIST_YEAR}-12-14`, `${YEAR}-12-14`],
  );
  const withBox = rows.filter((r) => communeBox(r.code));
  if (withBox.length < count) throw new Error(`only ${withBox.length} communes available, ${count} needed`);
  return withBox.slice(0, count);
}

/** Last year's list of a commune: households with a head whose ID number fits birth date and sex. */
function householdList(c: CommuneRow, n: number, seed: number) {
  const rnd = mulberry32(seed);
  const households: ParsedHousehold[] = [];
  const members: ParsedMember[] = [];
  const results: Classification[] = [];
  for (let k = 0; k < n; k++) {
    const code = `H${String(k + 1).padStart(5, '0')}`;
    const poor = rnd() < 0.3;
    const scoreA = poor ? 100 + Math.floor(rnd() * 40) : 141 + Math.floor(rnd() * 100);
    const deprived = poor ? ['1.1', '4.1', '5.2'] : [];
    households.push({
      row: k + 2,
      code,
      headName: `Chủ hộ ${c.code}-${k + 1}`,
      headIdNumber: null,
      headEthnicity: 'Kinh',
      ethnicMinority: false,
      village: `Thôn ${1 + (k % 8)}`,
      area: 'rural',
      scoreA,
      income: null,
      deprived,
      scoreB: null,
      previousClass: null,
      decisionNo: null,
      decisionDate: null,
      occupation: 'farm',
      noLabourCapacity: false,
    });
    members.push({
      row: k + 2,
      householdCode: code,
      fullName: `Chủ hộ ${c.code}-${k + 1}`,
      relation: 'Chủ hộ',
      birthDate: '1975-03-04',
      sex: 'Nam',
      idNumber: null,
      ethnicity: 'Kinh',
    } as ParsedMember);
    const out = classifyHousehold({ area: 'rural', year: LIST_YEAR, scoreA, deprived, occupation: 'farm' });
    if (!out.ok) throw new Error(out.error.message);
    results.push(out.value);
  }
  return { households, members, results };
}

async function setUp(db: PoolDb, phones: number): Promise<{ phones: Phone[]; importRate: number }> {
  await migrate(db);
  await loadReferenceData(db, DATASETS);
  const communes = await communesFor(db, Math.ceil(phones / PHONES_PER_COMMUNE));
  const perCommune = PHONES_PER_COMMUNE * SURVEYS;
  const items = communes.map((c, i) => ({
    commune: c,
    sha: `bench-${c.id}`,
    fileName: `ra-soat-${c.code}.xlsx`,
    ...householdList(c, perCommune, 1000 + i),
  }));
  const imported = await timed(() => db.tx((tx) => importParsed(tx, { system: 'benchmark' }, LIST_YEAR, items)));
  const out: Phone[] = [];
  for (const [i, c] of communes.entries()) {
    const user = await createUser(db, systemActor('benchmark'), {
      username: `ra-soat-${c.code}`,
      displayName: `Người rà soát ${c.fullName}`,
      password: PASSWORD,
      grants: [{ role: 'commune_officer', agencyId: null, unitId: c.id }],
    });
    for (let p = 0; p < PHONES_PER_COMMUNE && out.length < phones; p++) {
      const token = await createSession(db, user.id, 600);
      const codes = items[i].households.slice(p * SURVEYS, (p + 1) * SURVEYS).map((h) => h.code);
      out.push({ commune: c, cookie: `${SESSION_COOKIE}=${token}`, households: codes });
    }
  }
  return { phones: out, importRate: (communes.length * perCommune) / imported.seconds };
}

function draftOf(phone: Phone, code: string, k: number, photoId: string): FieldSurveyDraft {
  // box: [west, south, east, north]; the centre is inside the box (a position is checked against it)
  const [west, south, east, north] = communeBox(phone.commune.code)!;
  const lat = (south + north) / 2;
  const lng = (west + east) / 2;
  const now = new Date().toISOString();
  const poor = k % 3 === 0;
  return {
    clientId: randomUUID(),
    communeCode: phone.commune.code,
    year: YEAR,
    householdCode: code,
    headName: `Chủ hộ ${phone.commune.code}-${Number(code.slice(1))}`,
    headIdNumber: '038075012345',
    headEthnicity: 'Kinh',
    village: `Thôn ${1 + (k % 8)}`,
    area: 'rural',
    occupation: 'farm',
    noLabourCapacity: false,
    previousClass: poor ? 'poor' : 'not_poor',
    scoreA: poor ? 120 : 180,
    b1Answers: null,
    incomePerCapita: null,
    deprived: poor ? ['1.1', '4.1', '5.2'] : ['6.1'],
    members: [
      {
        seq: 1,
        fullName: `Chủ hộ ${phone.commune.code}-${Number(code.slice(1))}`,
        relation: 'Chủ hộ',
        birthDate: '1975-03-04',
        sex: 'male',
        idNumber: '038075012345',
        ethnicity: 'Kinh',
      },
    ],
    position: { lat, lng, accuracyM: 12, takenAt: now },
    photos: [{ id: photoId, contentType: 'image/jpeg', takenAt: now }],
    surveyedAt: now,
    note: null,
  };
}

interface Tally {
  surveyMs: number[];
  photoMs: number[];
  accepted: number;
  errors: number;
  firstErrors: string[];
}

async function request(url: string, init: RequestInit): Promise<{ ms: number; status: number; body: unknown }> {
  const t0 = performance.now();
  try {
    const res = await fetch(url, init);
    const text = await res.text();
    let body: unknown = text;
    try {
      body = JSON.parse(text);
    } catch {
      /* not JSON */
    }
    return { ms: performance.now() - t0, status: res.status, body };
  } catch (e) {
    return { ms: performance.now() - t0, status: 0, body: String(e) };
  }
}

async function syncPhone(base: string, phone: Phone, photo: Buffer, t: Tally, firstBatch: FieldSurveyDraft[][]) {
  const fail = (what: string) => {
    t.errors++;
    if (t.firstErrors.length < 5) t.firstErrors.push(what.slice(0, 300));
  };
  for (let b = 0; b < phone.households.length; b += BATCH) {
    const drafts: FieldSurveyDraft[] = [];
    for (const [j, code] of phone.households.slice(b, b + BATCH).entries()) {
      const photoId = randomUUID();
      const r = await request(`${base}/api/field/photos/${photoId}`, {
        method: 'POST',
        headers: { cookie: phone.cookie, 'content-type': 'image/jpeg' },
        body: new Uint8Array(photo),
      });
      t.photoMs.push(r.ms);
      if (r.status !== 200) fail(`photo ${r.status} ${JSON.stringify(r.body)}`);
      drafts.push(draftOf(phone, code, b + j, photoId));
    }
    const r = await request(`${base}/api/field/surveys`, {
      method: 'POST',
      headers: { cookie: phone.cookie, 'content-type': 'application/json' },
      body: JSON.stringify({ surveys: drafts }),
    });
    t.surveyMs.push(r.ms);
    if (b === 0) firstBatch.push(drafts);
    const results = (r.body as { results?: { status: string }[] })?.results;
    if (r.status !== 200 || !results) {
      fail(`surveys ${r.status} ${JSON.stringify(r.body)}`);
      continue;
    }
    for (const x of results) {
      if (x.status === 'accepted') t.accepted++;
      else fail(`survey ${JSON.stringify(x)}`);
    }
  }
}

async function baselineGets(base: string, phones: Phone[], perPhone: number) {
  const ms: number[] = [];
  let errors = 0;
  const run = await timed(() =>
    Promise.all(
      phones.map(async (p) => {
        for (let i = 0; i < perPhone; i++) {
          const r = await request(`${base}/api/auth/me`, { headers: { cookie: p.cookie } });
          ms.push(r.ms);
          if (r.status !== 200) errors++;
        }
      }),
    ),
  );
  ms.sort((a, b) => a - b);
  return { rps: ms.length / run.seconds, p95: percentile(ms, 95), errors };
}

async function benchEngine(engine: Engine) {
  const phones = phonesOf(engine);
  const env: Record<string, string> = { GIAMNGHEO_ADMIN_PASSWORD: PASSWORD, LOG_LEVEL: 'info' };
  let cleanup: () => Promise<void>;
  let setup: Awaited<ReturnType<typeof setUp>>;
  if (engine === 'embedded') {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gn-bench-field-'));
    const server = await startEmbedded(dir);
    const db = connectPool(server.url, 'embedded', 4);
    setup = await setUp(db, phones);
    await db.close();
    await server.close();
    env.GIAMNGHEO_DATA_DIR = dir;
    env.DATABASE_URL = '';
    cleanup = async () => fs.rmSync(dir, { recursive: true, force: true });
  } else {
    const pgdb = await freshPostgresDatabase('gn_bench_field');
    const db = connectPool(pgdb.url, 'postgres', 4);
    setup = await setUp(db, phones);
    await db.close();
    env.DATABASE_URL = pgdb.url;
    cleanup = () => pgdb.drop();
  }
  console.log(`${engine}: set up ${setup.phones.length} phones; starting the server`);
  const server = await startServe(env, 600_000);
  try {
    const photo = benchPhoto(PHOTO_KB);
    const requestsPerPhone = SURVEYS + Math.ceil(SURVEYS / BATCH);
    // warm-up (not measured): the first requests of a fresh process compile the handlers
    await baselineGets(server.url, setup.phones, 2);
    const baseline = await baselineGets(server.url, setup.phones, requestsPerPhone);
    const t: Tally = { surveyMs: [], photoMs: [], accepted: 0, errors: 0, firstErrors: [] };
    const firstBatches: FieldSurveyDraft[][] = [];
    const run = await timed(() =>
      Promise.all(setup.phones.map((p) => syncPhone(server.url, p, photo, t, firstBatches))),
    );
    // Every phone sends its first batch again (a retry after a lost answer): all must be `duplicate`.
    let retryNotDuplicate = 0;
    await Promise.all(
      setup.phones.map(async (p, i) => {
        const r = await request(`${server.url}/api/field/surveys`, {
          method: 'POST',
          headers: { cookie: p.cookie, 'content-type': 'application/json' },
          body: JSON.stringify({ surveys: firstBatches[i] ?? [] }),
        });
        const results = (r.body as { results?: { status: string }[] })?.results ?? [];
        retryNotDuplicate += results.filter((x) => x.status !== 'duplicate').length + (r.status === 200 ? 0 : 1);
      }),
    );
    const peak = peakRssMiB(server.child.pid!);
    t.surveyMs.sort((a, b) => a - b);
    t.photoMs.sort((a, b) => a - b);
    const total = setup.phones.length * SURVEYS;
    return {
      engine,
      phones: setup.phones.length,
      surveys: total,
      seconds: run.seconds,
      syncsPerS: t.accepted / run.seconds,
      surveyP95: percentile(t.surveyMs, 95),
      photoP95: percentile(t.photoMs, 95),
      accepted: t.accepted,
      errors: t.errors,
      firstErrors: t.firstErrors,
      retryNotDuplicate,
      peakRss: peak,
      baseline,
      importRate: setup.importRate,
    };
  } finally {
    await server.stop();
    await cleanup();
  }
}

async function main() {
  console.log(
    `giamngheo field benchmark — ${new Date().toISOString()}\n${machine()}, load average ${os
      .loadavg()
      .map((x) => x.toFixed(1))
      .join(' ')}`,
  );
  console.log(
    `${SURVEYS} surveys per phone with a ${PHOTO_KB} KB JPEG each, batches of ${BATCH}, ${PHONES_PER_COMMUNE} phones per commune\n`,
  );
  const rows: string[] = [];
  let failed = false;
  for (const engine of ENGINES) {
    const r = await benchEngine(engine);
    console.log(JSON.stringify(r));
    failed ||= r.errors > 0 || r.retryNotDuplicate > 0 || r.accepted !== r.surveys;
    rows.push(
      `| ${engine === 'postgres' ? 'PostgreSQL' : 'embedded'} | ${fmt(r.phones, 0)} × ${SURVEYS} = ${fmt(r.surveys, 0)} | ${fmt(r.seconds)} s | ${fmt(r.syncsPerS)} | ${fmt(r.surveyP95, 0)} ms / ${fmt(r.photoP95, 0)} ms | ${r.errors} (retry: ${r.retryNotDuplicate} not duplicate) | ${fmt(r.peakRss, 0)} MiB | ${fmt(r.baseline.rps)} req/s, p95 ${fmt(r.baseline.p95, 0)} ms | ${fmt(r.importRate, 0)} households/s |`,
    );
  }
  console.log(
    `\n| Engine | Phones × surveys | Wall time | Surveys synced/s | p95 sync batch / photo | Errors | Server peak RSS | Baseline: GET /api/auth/me, same phones | Baseline: register import path |`,
  );
  console.log('|---|---|---|---|---|---|---|---|---|');
  for (const r of rows) console.log(r);
  if (failed) {
    console.error('\nErrors: some surveys were not accepted or a retry was not a duplicate.');
    process.exitCode = 1;
  }
}

await main();
