import path from 'node:path';

/** Runtime settings, read once from the environment. */
export interface Config {
  /** HTTP port of `giamngheo serve`. */
  port: number;
  host: string;
  /** Directory of the embedded database (ignored when databaseUrl is set). */
  dataDir: string;
  /** postgres://… of a real PostgreSQL ≥ 15; undefined means embedded mode. */
  databaseUrl?: string;
  /** Password of the first administrator; generated and printed once when absent. */
  adminPassword?: string;
  logLevel: string;
  /** LOG_FORMAT: 'json' or 'pretty'; unset = readable lines on a terminal, JSON otherwise. */
  logFormat?: string;
  /** Idle lifetime of a session. */
  sessionTtlMinutes: number;
  /** Cookies get the Secure flag (set behind HTTPS). */
  secureCookies: boolean;
  /** Absolute lifetime of a session, however active. */
  sessionMaxHours: number;
  /** Largest JSON request body and largest upload (Excel workbook), bytes. */
  maxJsonBytes: number;
  maxUploadBytes: number;
  /**
   * Addresses of reverse proxies whose X-Forwarded-For header is believed (GIAMNGHEO_TRUSTED_PROXIES,
   * comma-separated, e.g. "127.0.0.1,::1"); empty = the header is ignored and the socket peer is the client.
   */
  trustedProxies: string[];
  /**
   * Every JSON answer is checked against its route's response schema and a mismatch is a 500 with
   * code `response_contract` (set by the tests, so the whole suite checks the contracts; off in production
   * where the check would only cost time).
   */
  checkResponses?: boolean;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  return {
    port: Number(env.PORT ?? 3000),
    host: env.HOST ?? '127.0.0.1',
    dataDir: path.resolve(env.GIAMNGHEO_DATA_DIR ?? './data'),
    databaseUrl: env.DATABASE_URL || undefined,
    adminPassword: env.GIAMNGHEO_ADMIN_PASSWORD || undefined,
    logLevel: env.LOG_LEVEL ?? 'info',
    logFormat: env.LOG_FORMAT || undefined,
    sessionTtlMinutes: Number(env.GIAMNGHEO_SESSION_TTL_MINUTES ?? 8 * 60),
    secureCookies: env.GIAMNGHEO_SECURE_COOKIES === '1',
    sessionMaxHours: Number(env.GIAMNGHEO_SESSION_MAX_HOURS) || 12,
    maxJsonBytes: (Number(env.GIAMNGHEO_MAX_JSON_KB) || 1024) * 1024,
    maxUploadBytes: (Number(env.GIAMNGHEO_MAX_UPLOAD_MB) || 64) * 1024 * 1024,
    trustedProxies: (env.GIAMNGHEO_TRUSTED_PROXIES ?? '')
      .split(',')
      .map((s) => s.trim().toLowerCase())
      .filter(Boolean),
    checkResponses: env.NODE_ENV === 'test',
  };
}
