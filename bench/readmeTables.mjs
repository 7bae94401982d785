// Prints the README's two performance tables (figures, and where the time to Python ready goes) from a
// `npm run bench -- --json FILE` result: `node bench/readmeTables.mjs FILE`. Numbers are formatted as the
// README shows them; paste the output over the tables (Biome re-aligns the columns).
import { readFileSync } from 'node:fs';
import { splitRows } from './bootSplit.mjs';

const { figures, bootSplits } = JSON.parse(readFileSync(process.argv[2], 'utf8'));

/** Two decimals below 100, whole numbers with thousands separators above. */
const num = (value) => {
  if (value === null || value === undefined) return '';
  return Math.abs(value) >= 100 ? Math.round(value).toLocaleString('en-US') : value.toFixed(2);
};
const whole = (value) =>
  value === null || value === undefined ? '' : Math.round(value).toLocaleString('en-US');
const fixed2 = (value) => (value === undefined || value === null ? '' : `${value.toFixed(2)}x`);

const lines = [
  '| figure | median | min – max | unit | baseline (median, same run) | ratio |',
  '| --- | --- | --- | --- | --- | --- |',
];
for (const f of figures) {
  const range = f.runs > 1 && f.min !== f.max ? `${num(f.min)} – ${num(f.max)}` : '';
  lines.push(
    `| ${f.name} | ${num(f.median)} | ${range} | ${f.unit} | ${num(f.baseline?.median)} | ${fixed2(f.ratio)} |`,
  );
}
lines.push('', '| part (ms), the run above | first visit | repeat visit |', '| --- | --- | --- |');
const first = new Map(splitRows(bootSplits.first));
const reload = new Map(splitRows(bootSplits.reload));
for (const [name, value] of first) lines.push(`| ${name} | ${whole(value)} | ${whole(reload.get(name))} |`);
console.log(lines.join('\n'));
