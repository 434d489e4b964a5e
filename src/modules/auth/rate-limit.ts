/**
 * Failed sign-ins are counted per (client address, user name) and per client address
 * in a sliding window; past the limit the client must wait. Kept in memory: one server
 * process serves an installation (the embedded database allows one writer anyway).
 */
export class LoginRateLimiter {
  private failures = new Map<string, number[]>();

  constructor(
    private readonly perAccount = 5,
    private readonly perAddress = 20,
    private readonly windowMs = 15 * 60_000,
  ) {}

  /** Milliseconds to wait before another attempt is allowed (0 = allowed now). */
  retryAfter(address: string, username: string, now = Date.now()): number {
    const waits = [
      this.wait(`a:${address}`, this.perAddress, now),
      this.wait(`u:${address}|${username.toLowerCase()}`, this.perAccount, now),
    ];
    return Math.max(...waits);
  }

  recordFailure(address: string, username: string, now = Date.now()): void {
    for (const key of [`a:${address}`, `u:${address}|${username.toLowerCase()}`]) {
      const list = this.recent(key, now);
      list.push(now);
      this.failures.set(key, list);
    }
  }

  recordSuccess(address: string, username: string): void {
    this.failures.delete(`u:${address}|${username.toLowerCase()}`);
  }

  private recent(key: string, now: number): number[] {
    return (this.failures.get(key) ?? []).filter((t) => now - t < this.windowMs);
  }

  private wait(key: string, limit: number, now: number): number {
    const list = this.recent(key, now);
    return list.length >= limit ? list[list.length - limit] + this.windowMs - now : 0;
  }
}
