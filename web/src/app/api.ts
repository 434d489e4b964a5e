/**
 * The one way the web app talks to the server: same-origin fetch, JSON in and out,
 * errors as ApiError carrying the server's `{ error: { code, message, details } }`
 * (message in Vietnamese). A 401 on a signed-in request means the session ended:
 * the handler installed by main.tsx sends the user to the sign-in page.
 */
import type { Problem } from '../../../src/errors';
import i18n from './i18n';

export type { Problem };

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details: unknown = null,
  ) {
    super(message);
    this.name = 'ApiError';
  }

  /** Per-field problems of a 422 answer. */
  get problems(): Problem[] {
    const d = this.details as { problems?: Problem[] } | null;
    return Array.isArray(d?.problems) ? d.problems : [];
  }
}

/**
 * Messages made in the browser stand in for the server's, which are Vietnamese; in English the error box
 * translates them by code like the server's (components/feedback.tsx).
 */
export const serverLikeMessage = i18n.getFixedT('vi');
export const NETWORK_ERROR_MESSAGE = serverLikeMessage('errors.network');
/** The message of an error answer without a body of the usual shape. */
export const httpErrorMessage = (status: number) => serverLikeMessage('errors.http', { status });

let unauthorizedHandler: (e: ApiError) => void = () => {};

/** Called on every 401 except where a request opts out (sign-in, "who am I"). */
export function onUnauthorized(handler: (e: ApiError) => void) {
  unauthorizedHandler = handler;
}

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  body?: unknown;
  signal?: AbortSignal;
  /** A 401 is an expected answer here (wrong password, not signed in yet): do not redirect. */
  expectUnauthorized?: boolean;
}

export async function api<T>(path: string, options: RequestOptions = {}): Promise<T> {
  const { method = 'GET', body, signal, expectUnauthorized } = options;
  let res: Response;
  try {
    res = await fetch(path, {
      method,
      credentials: 'same-origin',
      headers: { accept: 'application/json', ...(body !== undefined ? { 'content-type': 'application/json' } : {}) },
      body: body !== undefined ? JSON.stringify(body) : undefined,
      signal,
    });
  } catch (err) {
    if ((err as Error).name === 'AbortError') throw err;
    throw new ApiError(0, 'network', NETWORK_ERROR_MESSAGE);
  }
  const text = await res.text();
  let data: unknown = null;
  if (text) {
    try {
      data = JSON.parse(text);
    } catch {
      data = text;
    }
  }
  if (!res.ok) {
    const e = (data as { error?: { code?: string; message?: string; details?: unknown } } | null)?.error;
    const error = new ApiError(
      res.status,
      e?.code ?? `http_${res.status}`,
      e?.message ?? httpErrorMessage(res.status),
      e?.details ?? null,
    );
    if (res.status === 401 && !expectUnauthorized) unauthorizedHandler(error);
    throw error;
  }
  return data as T;
}

export const post = <T>(path: string, body: unknown = {}) => api<T>(path, { method: 'POST', body });

/** '?a=1&b=x' from the defined, non-empty values (or '' when none). */
export function query(params: Record<string, string | number | boolean | null | undefined>): string {
  const s = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== null && v !== '') s.set(k, String(v));
  const out = s.toString();
  return out ? `?${out}` : '';
}

/** Uploads a file as multipart "file" with upload progress (XMLHttpRequest reports it; fetch does not). */
export function uploadWithProgress<T>(path: string, file: File, onProgress: (pct: number) => void): Promise<T> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', path);
    xhr.upload.onprogress = (e) => e.lengthComputable && onProgress(Math.round((100 * e.loaded) / e.total));
    xhr.onerror = () => reject(new ApiError(0, 'network', NETWORK_ERROR_MESSAGE));
    xhr.onload = () => {
      let data: any = null;
      try {
        data = JSON.parse(xhr.responseText);
      } catch {
        /* not JSON */
      }
      if (xhr.status >= 200 && xhr.status < 300) resolve(data as T);
      else
        reject(
          new ApiError(
            xhr.status,
            data?.error?.code ?? `http_${xhr.status}`,
            data?.error?.message ?? httpErrorMessage(xhr.status),
            data?.error?.details ?? null,
          ),
        );
    };
    const form = new FormData();
    form.append('file', file, file.name);
    xhr.send(form);
  });
}
