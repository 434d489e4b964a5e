/**
 * Sign-in throttling: progressive delays, never a lockout shared by everyone behind one address.
 *
 * Failures are counted per account and per client address. Past a number of free failures,
 * each further failure makes the next attempt wait twice as long as the one before, up to a
 * ceiling; a successful sign-in clears the account's count; a key with no failure for
 * FORGET_AFTER_MS is forgotten. The address threshold is high and its ceiling short, so an
 * office behind one NAT is slowed down, not locked out, while one account guessed from many
 * addresses is still slowed by its own count.
 *
 * Source: OWASP ASVS 4.0.3 V2.2.1 (anti-automation: rate limiting, soft lockouts, delays
 * that grow); NIST SP 800-63B §5.2.2 (rate limiting of failed attempts on one account).
 */
export interface ThrottleRule {
  /** Failures allowed without any wait. */
  free: number;
  /** Wait after the first failure past `free`. */
  firstDelayMs: number;
  maxDelayMs: number;
}

export const ACCOUNT_RULE: ThrottleRule = { free: 5, firstDelayMs: 30_000, maxDelayMs: 15 * 60_000 };
export const ADDRESS_RULE: ThrottleRule = { free: 20, firstDelayMs: 5_000, maxDelayMs: 60_000 };
export const FORGET_AFTER_MS = 60 * 60_000;

/** How long to wait after `failures` failures (0 while within the free ones). */
export function delayAfter(failures: number, rule: ThrottleRule): number {
  if (failures < rule.free) return 0;
  const step = failures - rule.free;
  return Math.min(rule.maxDelayMs, rule.firstDelayMs * 2 ** Math.min(step, 30));
}

/** "30 giây", "2 phút", "1 phút 30 giây". */
export function waitTextVi(ms: number): string {
  const s = Math.max(1, Math.ceil(ms / 1000));
  if (s < 60) return `${s} giây`;
  const m = Math.floor(s / 60);
  const rest = s % 60;
  return rest ? `${m} phút ${rest} giây` : `${m} phút`;
}

/** The counter keys of an attempt. User names are case-insensitive. */
export const accountKey = (username: string) => `u:${username.trim().toLowerCase().slice(0, 100)}`;
export const addressKey = (address: string) => `a:${address}`;
