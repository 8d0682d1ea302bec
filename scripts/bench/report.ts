import type { Stats } from './stats';

/** One line of the bench table; `target` in ms (null: informative only). */
export interface Row {
  operation: string;
  database: string;
  stats: Stats | null;
  /** Shown instead of timings (sizes). */
  value?: string;
  targetMs: number | null;
  targetText?: string;
}

const ms = (value: number) => `${value.toFixed(value < 10 ? 1 : 0)} ms`;

export function verdict(row: Row): 'OK' | 'TROP LENT' | '' {
  if (row.targetMs === null || !row.stats) return '';
  return row.stats.median <= row.targetMs ? 'OK' : 'TROP LENT';
}

/** A plain-text table: medians decide the verdict, p95 shows the spread. */
export function formatTable(rows: readonly Row[]): string {
  const header = ['Operation', 'Database', 'Runs', 'Median', 'p95', 'Target', 'Verdict'];
  const lines = rows.map((row) => [
    row.operation,
    row.database,
    row.stats ? String(row.stats.runs) : '',
    row.value ?? (row.stats ? ms(row.stats.median) : ''),
    row.stats ? ms(row.stats.p95) : '',
    row.targetText ?? (row.targetMs === null ? '—' : `≤ ${row.targetMs} ms`),
    verdict(row),
  ]);
  const widths = header.map((title, i) => Math.max(title.length, ...lines.map((line) => line[i]!.length)));
  const render = (cells: readonly string[]) => cells.map((cell, i) => (i >= 2 && i <= 4 ? cell.padStart(widths[i]!) : cell.padEnd(widths[i]!))).join('  ').trimEnd();
  return [render(header), widths.map((w) => '─'.repeat(w)).join('  '), ...lines.map(render)].join('\n');
}
