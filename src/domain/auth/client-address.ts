/**
 * The address a request comes from, for throttling and the audit trail.
 *
 * X-Forwarded-For is written by whoever sends the request, so it is believed only when the
 * direct peer is one of the configured trusted proxies (GIAMNGHEO_TRUSTED_PROXIES): then the
 * client is the right-most address of the header that is not itself a trusted proxy (each
 * proxy appends the address it received the request from; entries to its left are the
 * client's own claims). Source: OWASP ASVS 4.0.3 V2.2.1 notes; MDN "X-Forwarded-For",
 * section "Selecting an IP address".
 */
export function clientAddress(
  peer: string | undefined,
  forwardedFor: string | undefined,
  trustedProxies: readonly string[],
): string {
  const direct = normalise(peer) ?? 'unknown';
  if (!forwardedFor || !trustedProxies.includes(direct)) return direct;
  const hops = forwardedFor
    .split(',')
    .map((s) => normalise(s.trim()))
    .filter((s): s is string => !!s);
  for (let i = hops.length - 1; i >= 0; i--) {
    if (!trustedProxies.includes(hops[i])) return hops[i];
  }
  return hops[0] ?? direct;
}

/** '::ffff:10.0.0.1' → '10.0.0.1'; anything that is not an address-like token → undefined. */
function normalise(a: string | undefined): string | undefined {
  if (!a) return undefined;
  const s = a.startsWith('::ffff:') && a.includes('.') ? a.slice(7) : a;
  return /^[0-9a-fA-F:.]{2,45}$/.test(s) ? s.toLowerCase() : undefined;
}
