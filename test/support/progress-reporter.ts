// A vitest reporter for CI logs: one line per test file as it finishes (with its count among all files), the
// failed tests with their errors right there, and a line every 30 s naming the files still running, so a slow
// file never looks like a hung run.
import type { Reporter, TestModule, TestSpecification } from 'vitest/node';

const heartbeatMs = 30_000;

export default class ProgressReporter implements Reporter {
  private total = 0;
  private finished = 0;
  private readonly started = new Map<string, number>();
  private timer: NodeJS.Timeout | undefined;
  private readonly runStart = Date.now();

  onTestRunStart(specifications: ReadonlyArray<TestSpecification>): void {
    this.total = new Set(specifications.map((s) => s.moduleId)).size;
    this.print(`running ${this.total} test files`);
    this.timer = setInterval(() => this.heartbeat(), heartbeatMs);
    this.timer.unref();
  }

  onTestModuleStart(module: TestModule): void {
    this.started.set(module.relativeModuleId, Date.now());
  }

  onTestModuleEnd(module: TestModule): void {
    this.finished++;
    const began = this.started.get(module.relativeModuleId) ?? Date.now();
    this.started.delete(module.relativeModuleId);
    const counts = { passed: 0, failed: 0, skipped: 0 };
    const failures: string[] = [];
    for (const test of module.children.allTests()) {
      const result = test.result();
      if (result.state === 'passed') counts.passed++;
      else if (result.state === 'failed') {
        counts.failed++;
        failures.push(`    ✗ ${test.fullName}`);
        for (const error of result.errors ?? [])
          failures.push(
            ...`${error.message ?? ''}\n${error.diff ?? ''}\n${error.stack ?? ''}`
              .trim()
              .split('\n')
              .slice(0, 30)
              .map((line) => `      ${line}`),
          );
      } else counts.skipped++;
    }
    const moduleErrors = module.errors();
    const ok = counts.failed === 0 && moduleErrors.length === 0 && module.state() !== 'failed';
    const seconds = ((Date.now() - began) / 1000).toFixed(1);
    this.print(
      `[${this.finished}/${this.total}] ${ok ? '✓' : '✗'} ${module.relativeModuleId} ${counts.passed} passed${counts.failed ? `, ${counts.failed} failed` : ''}${counts.skipped ? `, ${counts.skipped} skipped` : ''} (${seconds} s)`,
    );
    for (const line of failures) this.print(line);
    for (const error of moduleErrors) this.print(`    ✗ ${error.message ?? JSON.stringify(error)}`);
  }

  onTestRunEnd(
    modules: ReadonlyArray<TestModule>,
    unhandledErrors: ReadonlyArray<{ message?: string }>,
  ): void {
    clearInterval(this.timer);
    let passed = 0;
    let failed = 0;
    for (const module of modules)
      for (const test of module.children.allTests()) {
        const state = test.result().state;
        if (state === 'passed') passed++;
        else if (state === 'failed') failed++;
      }
    for (const error of unhandledErrors)
      this.print(`unhandled error: ${error.message ?? JSON.stringify(error)}`);
    const seconds = ((Date.now() - this.runStart) / 1000).toFixed(0);
    this.print(`tests: ${passed} passed, ${failed} failed in ${seconds} s`);
  }

  private heartbeat(): void {
    if (this.started.size === 0) return;
    const now = Date.now();
    const running = [...this.started]
      .map(([file, began]) => `${file} (${Math.round((now - began) / 1000)} s)`)
      .join(', ');
    this.print(`  … still running: ${running}`);
  }

  private print(line: string): void {
    process.stdout.write(`${line}\n`);
  }
}
