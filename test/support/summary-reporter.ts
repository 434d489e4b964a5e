import fs from 'node:fs';
import type { Reporter, TestModule } from 'vitest/node';

/**
 * Ends the run with one plain line `N passed, N failed, N skipped`, and writes the counts
 * to $GIAMNGHEO_TEST_SUMMARY (JSON) so that .ci/run can add up several runs.
 */
export default class SummaryReporter implements Reporter {
  onTestRunEnd(modules: ReadonlyArray<TestModule>, errors: ReadonlyArray<unknown>) {
    const counts = { passed: 0, failed: 0, skipped: 0 };
    for (const m of modules) {
      for (const t of m.children.allTests()) {
        const state = t.result().state;
        if (state === 'passed') counts.passed++;
        else if (state === 'failed') counts.failed++;
        else counts.skipped++;
      }
      // a file that failed to load has no tests: count it as a failure
      if (m.state() === 'failed' && [...m.children.allTests()].length === 0) counts.failed++;
    }
    counts.failed += errors.length;
    const file = process.env.GIAMNGHEO_TEST_SUMMARY;
    if (file) fs.writeFileSync(file, JSON.stringify(counts));
    process.stdout.write(`\n${counts.passed} passed, ${counts.failed} failed, ${counts.skipped} skipped\n`);
  }
}
