/**
 * Largest-remainder rounding (Hamilton's method): divide `total` whole units in proportion to
 * integer weights so that the parts add up exactly to `total`. Each part gets the floor of its
 * quota; the units left over go one each to the largest remainders; equal remainders go to the
 * larger weight, then to the earlier item (callers pass items in a stable order, e.g. by code).
 * Exact: BigInt arithmetic, no floating-point quotas.
 */
export function largestRemainder(total: bigint, weights: bigint[]): bigint[] {
  const sum = weights.reduce((a, b) => a + b, 0n);
  if (sum <= 0n) throw new Error('largestRemainder: weights must sum to more than 0');
  const parts = weights.map((w) => (total * w) / sum);
  const remainders = weights.map((w, i) => ({ i, r: total * w - parts[i] * sum, w }));
  let left = total - parts.reduce((a, b) => a + b, 0n);
  remainders.sort((a, b) => (a.r === b.r ? (a.w === b.w ? a.i - b.i : a.w > b.w ? -1 : 1) : a.r > b.r ? -1 : 1));
  for (const { i } of remainders) {
    if (left === 0n) break;
    parts[i] += 1n;
    left -= 1n;
  }
  return parts;
}
