/** Workbooks are read a few at a time: the server's main thread keeps a core for the readers. */
import { afterEach, describe, expect, it } from 'vitest';
import { inParseSlot, parserSlots } from '../../src/modules/poverty/import-isolation';

const saved = process.env.GIAMNGHEO_IMPORT_PARSERS;
afterEach(() => {
  if (saved === undefined) delete process.env.GIAMNGHEO_IMPORT_PARSERS;
  else process.env.GIAMNGHEO_IMPORT_PARSERS = saved;
});

describe('parse slots', () => {
  it('default: one core fewer than the machine, at least one; the setting wins', () => {
    expect(parserSlots({})).toBeGreaterThanOrEqual(1);
    expect(parserSlots({ GIAMNGHEO_IMPORT_PARSERS: '3' })).toBe(3);
  });

  it('never more than the limit at once, in arrival order; a failure frees its slot', async () => {
    process.env.GIAMNGHEO_IMPORT_PARSERS = '2';
    let now = 0;
    let most = 0;
    const order: number[] = [];
    const job = (i: number, fail = false) =>
      inParseSlot(async () => {
        now++;
        most = Math.max(most, now);
        order.push(i);
        await new Promise((r) => setTimeout(r, 20));
        now--;
        if (fail) throw new Error(`tệp ${i} lỗi`);
        return i;
      });
    const results = await Promise.allSettled([job(1), job(2, true), job(3), job(4), job(5)]);
    expect(most).toBe(2);
    expect(order).toEqual([1, 2, 3, 4, 5]);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled', 'fulfilled', 'fulfilled']);
    // both slots free again (a leaked slot would leave one): two more run side by side
    most = 0;
    await Promise.all([job(6), job(7)]);
    expect(most).toBe(2);
  });
});
