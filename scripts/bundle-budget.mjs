// Runtime: Node (scripts). The startup budget: what index.html loads before the first paint (its entry
// script and that script's static imports, read from the build's manifest), gzipped and weighed against
// the budget. `node scripts/bundle-budget.mjs [outDir]` prints the weights and exits 1 when over;
// `npm test` runs it after the end-to-end build. Chunks fetched on demand (dynamic imports, workers)
// are not counted: they do not delay the first screen.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import process from 'node:process';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

/** Gzipped bytes, in kB of 1,000 bytes. CSS is budgeted apart: it blocks the paint but is not parsed as script. */
export const STARTUP_BUDGET = Object.freeze({ scriptKb: 350, styleKb: 60 });

/**
 * The files the page loads before its first paint: each HTML entry's chunk, the chunks it imports
 * statically (transitively) and their CSS; never a dynamic import.
 */
export function initialFiles(manifest) {
  const scripts = new Set();
  const styles = new Set();
  const seen = new Set();
  const visit = (key) => {
    if (seen.has(key)) return;
    seen.add(key);
    const chunk = manifest[key];
    if (!chunk) throw new Error(`The build manifest names ${key} but has no entry for it.`);
    if (chunk.file.endsWith('.css')) styles.add(chunk.file);
    else scripts.add(chunk.file);
    for (const css of chunk.css ?? []) styles.add(css);
    for (const imported of chunk.imports ?? []) visit(imported);
  };
  const entries = Object.keys(manifest).filter((key) => manifest[key].isEntry && key.endsWith('.html'));
  if (entries.length === 0) throw new Error('The build manifest has no HTML entry: was the web build made with build.manifest?');
  entries.forEach(visit);
  return { scripts: [...scripts].sort(), styles: [...styles].sort() };
}

const gzippedKb = (bytes) => gzipSync(bytes, { level: 9 }).length / 1000;

/** Weighs the initial files of the build in `outDir` (its `.vite/manifest.json`) against `budget`. */
export function measureStartup(outDir, budget = STARTUP_BUDGET, read = (file) => readFileSync(path.join(outDir, file))) {
  let manifest;
  try {
    manifest = JSON.parse(read('.vite/manifest.json').toString('utf8'));
  } catch (error) {
    throw new Error(`No build manifest in ${outDir} (${error.message}). Build the web bundle first: npm run build:web`, { cause: error });
  }
  const { scripts, styles } = initialFiles(manifest);
  const weigh = (files) => files.map((file) => ({ file, rawKb: read(file).length / 1000, gzipKb: gzippedKb(read(file)) }));
  const scriptFiles = weigh(scripts);
  const styleFiles = weigh(styles);
  const total = (files, key) => files.reduce((sum, file) => sum + file[key], 0);
  return {
    scripts: scriptFiles,
    styles: styleFiles,
    scriptKb: total(scriptFiles, 'gzipKb'),
    scriptRawKb: total(scriptFiles, 'rawKb'),
    styleKb: total(styleFiles, 'gzipKb'),
    styleRawKb: total(styleFiles, 'rawKb'),
    withinBudget: total(scriptFiles, 'gzipKb') <= budget.scriptKb && total(styleFiles, 'gzipKb') <= budget.styleKb,
    budget,
  };
}

export function formatReport(report) {
  const kb = (value) => `${value.toFixed(1)} kB`;
  const lines = [];
  for (const { file, rawKb, gzipKb } of [...report.scripts, ...report.styles])
    lines.push(`  ${file.padEnd(48)} ${kb(rawKb).padStart(11)}  gzip ${kb(gzipKb).padStart(10)}`);
  const mark = (value, limit) => (value <= limit ? '✓' : '✗');
  lines.push(
    `${mark(report.scriptKb, report.budget.scriptKb)} initial JavaScript ${kb(report.scriptKb)} gzipped (${kb(report.scriptRawKb)} raw), budget ${report.budget.scriptKb} kB`,
  );
  lines.push(
    `${mark(report.styleKb, report.budget.styleKb)} initial CSS ${kb(report.styleKb)} gzipped (${kb(report.styleRawKb)} raw), budget ${report.budget.styleKb} kB`,
  );
  return lines.join('\n');
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
  const outDir = path.resolve(root, process.argv[2] ?? 'out/web');
  try {
    const report = measureStartup(outDir);
    console.log(`Startup budget — what ${path.relative(root, outDir) || outDir}/index.html loads before the first paint`);
    console.log(formatReport(report));
    if (!report.withinBudget) console.error('The first screen grew past its budget: load the new code on demand (see README, "Startup budget").');
    process.exit(report.withinBudget ? 0 : 1);
  } catch (error) {
    console.error(error.message);
    process.exit(1);
  }
}
