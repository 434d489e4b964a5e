import type { Context } from 'hono';
import type { ReferenceAnswer } from '../modules/reference/snapshot';
import type { AppEnv } from './types';

/** A weak comparison (RFC 9110 §8.8.3.2): the compress middleware turns a strong ETag into W/"…". */
function matches(ifNoneMatch: string, etag: string): boolean {
  if (ifNoneMatch.trim() === '*') return true;
  return ifNoneMatch.split(',').some((t) => t.trim().replace(/^W\//, '') === etag);
}

/** How long any cache may keep a public reference answer or public figures (and the server its last one). */
export const PUBLIC_MAX_AGE_S = 60;

/**
 * A reference answer (JSON, or a public file made from the figures) from the snapshot: 304 when the
 * client holds it. Public data may be kept by any cache for a minute; role-limited data only by the
 * browser, revalidated every time (the ETag makes that a 304), so a signed-out or demoted user is
 * refused by the server again.
 */
export function sendReferenceAnswer(c: Context<AppEnv>, a: ReferenceAnswer, isPublic: boolean): Response {
  const headers: Record<string, string> = {
    ETag: a.etag,
    'Cache-Control': isPublic ? `public, max-age=${PUBLIC_MAX_AGE_S}` : 'private, no-cache',
    Vary: 'Accept-Encoding',
  };
  const inm = c.req.header('if-none-match');
  if (inm && matches(inm, a.etag)) return c.body(null, 304, headers);
  headers['Content-Type'] = a.file?.type ?? 'application/json; charset=UTF-8';
  if (a.file?.disposition) headers['Content-Disposition'] = a.file.disposition;
  if (a.compressible && a.body.length >= 1024 && /\bgzip\b/.test(c.req.header('accept-encoding') ?? '')) {
    headers['Content-Encoding'] = 'gzip';
    return c.body(a.gzipped(), 200, headers);
  }
  return c.body(a.body, 200, headers);
}
