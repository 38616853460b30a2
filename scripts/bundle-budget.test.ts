// Runtime: Node (Vitest). The startup budget counts what index.html loads before the first paint (its
// entry and static imports, with their CSS), never a chunk fetched on demand, and fails when over.
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { formatReport, initialFiles, measureStartup } from './bundle-budget.mjs';

const manifest = {
  'index.html': { file: 'assets/index.js', isEntry: true, imports: ['_vendor.js'], dynamicImports: ['src/Player.tsx'], css: ['assets/index.css'] },
  '_vendor.js': { file: 'assets/vendor.js', imports: ['_shared.js'] },
  '_shared.js': { file: 'assets/shared.js', imports: ['_vendor.js'] },
  'src/Player.tsx': { file: 'assets/player.js', isDynamicEntry: true, imports: ['_shared.js', '_model.js'], css: ['assets/player.css'] },
  '_model.js': { file: 'assets/model.js' },
};

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** A build folder whose files hold `sizes` bytes of incompressible text. */
function build(sizes: Record<string, number>): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'attache-budget-'));
  dirs.push(dir);
  mkdirSync(path.join(dir, '.vite'));
  mkdirSync(path.join(dir, 'assets'));
  writeFileSync(path.join(dir, '.vite/manifest.json'), JSON.stringify(manifest));
  let seed = 1;
  const noise = (length: number) => Array.from({ length }, () => String.fromCharCode(33 + ((seed = (seed * 48271) % 2147483647) % 90))).join('');
  for (const [file, size] of Object.entries(sizes)) writeFileSync(path.join(dir, file), noise(size));
  return dir;
}

describe('the startup budget', () => {
  it('counts the entry and its static imports, once each, with their CSS; never a dynamic import', () => {
    expect(initialFiles(manifest)).toEqual({ scripts: ['assets/index.js', 'assets/shared.js', 'assets/vendor.js'], styles: ['assets/index.css'] });
  });

  it('weighs the initial files gzipped and passes a build within the budget', () => {
    const dir = build({
      'assets/index.js': 20_000,
      'assets/vendor.js': 10_000,
      'assets/shared.js': 5_000,
      'assets/index.css': 2_000,
      'assets/player.js': 900_000,
      'assets/model.js': 900_000,
      'assets/player.css': 1,
    });
    const report = measureStartup(dir, { scriptKb: 40, styleKb: 5 });
    // Random printable text: gzip keeps most of it, and the 1.8 MB of chunks loaded on demand do not count.
    expect(report.scriptKb).toBeGreaterThan(25);
    expect(report.scriptKb).toBeLessThan(35);
    expect(report.scriptRawKb).toBe(35);
    expect(report.withinBudget).toBe(true);
    expect(formatReport(report)).toContain('✓ initial JavaScript');
  });

  it('fails a build whose first script grew past the budget, and says which files', () => {
    const dir = build({ 'assets/index.js': 20_000, 'assets/vendor.js': 30_000, 'assets/shared.js': 5_000, 'assets/index.css': 2_000 });
    const report = measureStartup(dir, { scriptKb: 40, styleKb: 5 });
    expect(report.withinBudget).toBe(false);
    expect(report.scriptKb).toBeGreaterThan(40);
    expect(formatReport(report)).toMatch(/✗ initial JavaScript \d+\.\d kB gzipped \(55\.0 kB raw\), budget 40 kB/);
    expect(formatReport(report)).toContain('assets/vendor.js');
  });

  it('fails on CSS past its own budget', () => {
    const dir = build({ 'assets/index.js': 1_000, 'assets/vendor.js': 1_000, 'assets/shared.js': 1_000, 'assets/index.css': 8_000 });
    expect(measureStartup(dir, { scriptKb: 40, styleKb: 5 }).withinBudget).toBe(false);
  });

  it('explains a missing build rather than passing', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'attache-budget-'));
    dirs.push(dir);
    expect(() => measureStartup(dir)).toThrow(/No build manifest .*npm run build:web/);
    expect(() => initialFiles({ 'src/x.ts': { file: 'x.js' } })).toThrow(/no HTML entry/);
  });
});
