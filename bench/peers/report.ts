import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { format, resolveConfig } from 'prettier';
import type { GitRevision, MachineInfo } from '../machine';
import { RESULTS_DIR } from '../paths';
import { MiB } from '../workload';
import type { CeilingFigure } from './ceiling';
import { renderRatioChart } from './chart';
import type { PeerFigure, PeerRun } from './figures';
import type { GoalCheck } from './goals';
import { CONTENDER_NAMES, type Contender, type PeerPlan, type PeerWorkload } from './plan';

/** What a peers run writes to bench/results/<date>-<rev>-peers[-quick].json. */
export interface PeerResults {
  format: 'hakobu-bench-peers/1';
  mode: 'quick' | 'full';
  startedAt: string;
  durationSeconds: number;
  git: GitRevision;
  machine: MachineInfo;
  loadAverage: { start: number; end: number };
  hakobuCli: string;
  plan: PeerPlan;
  entrants: { id: string; contender: Contender; parallel: number | undefined }[];
  diskMiBps: number;
  ceiling: CeilingFigure[];
  runs: PeerRun[];
  figures: PeerFigure[];
  goals: GoalCheck[];
}

/** How an entrant is named in tables and the chart. */
export function entrantName(id: string): string {
  if (id === 'hakobu-before') return 'Hakobu CLI (before)';
  const sweep = /^hakobu-n(\d+)$/.exec(id);
  if (sweep) return `Hakobu N=${sweep[1]}`;
  return CONTENDER_NAMES[id as Contender] ?? id;
}

/** A workload in words: "1,000 × 256 KiB, loopback". */
export function workloadName(w: PeerWorkload): string {
  const where = w.link === 'wan' ? `+${w.latencyMs} ms per request` : 'loopback';
  const what =
    w.kind === 'large'
      ? `${(w.fileBytes / MiB).toFixed(0)} MiB file`
      : `${w.files.toLocaleString('en')} × ${(w.fileBytes / 1024).toFixed(0)} KiB`;
  return `${what}, ${where}`;
}

function table(header: string[], rows: string[][]): string {
  const line = (cells: string[]) => `| ${cells.join(' | ')} |`;
  return [line(header), line(header.map(() => '---')), ...rows.map(line)].join('\n');
}

function cell(f: PeerFigure | undefined): string {
  if (!f) return '–';
  if (f.status === 'fails') return `fails (${(f.reason ?? '').replaceAll('|', '/').slice(0, 120)})`;
  const m = f.mibPerSecond;
  const ratio = f.ratio === undefined ? '' : ` (**${f.ratio.toFixed(2)}×**)`;
  return m ? `${m.median.toFixed(1)} MiB/s${ratio}, ${m.min.toFixed(0)}–${m.max.toFixed(0)}` : '–';
}

/** The markdown report: throughput and ratio per workload, peak RSS, ceiling, goals. */
export function renderPeerMarkdown(r: PeerResults): string {
  const ids = r.entrants.map((e) => e.id);
  const find = (id: string, w: string) =>
    r.figures.find((f) => f.contender === id && f.workloadId === w);
  const rows = r.plan.workloads.map((w) => [
    workloadName(w),
    ...ids.map((id) => cell(find(id, w.id))),
  ]);
  const rss = r.plan.workloads.map((w) => [
    workloadName(w),
    ...ids.map((id) => {
      const peak = find(id, w.id)?.peakRssBytes;
      return peak ? `${(peak / 1e6).toFixed(0)} MB` : '–';
    }),
  ]);
  const goals = r.goals.map((g) => [
    g.goal,
    g.target,
    g.measured,
    g.met === undefined ? 'not measured' : g.met ? 'met' : `missed: ${g.shortfall}`,
  ]);
  const names = ids.map(entrantName);
  return [
    `# Peers run, ${r.mode}, ${r.startedAt} (${r.git.sha}${r.git.dirty ? ', dirty' : ''})`,
    `${r.machine.cpus} × ${r.machine.cpuModel}; load ${r.loadAverage.start.toFixed(1)} → ${r.loadAverage.end.toFixed(1)}; ` +
      `${r.plan.repetitions} interleaved run(s) each; ${r.durationSeconds.toFixed(0)} s in all. ` +
      `Median MiB/s (ratio to the AWS CLI), then min–max.`,
    table(['Workload', ...names], rows),
    '## Peak RSS (whole process tree, from /proc)',
    table(['Workload', ...names], rss),
    '## The stand-in and the disk',
    table(
      ['Measurement', 'MiB/s'],
      [
        ['Disk write, 8 MiB writes + fdatasync', r.diskMiBps.toFixed(0)],
        ...r.ceiling.map((c) => [
          `Bare signed PUT loop from memory, ${c.concurrency} at once`,
          c.mibPerSecond.toFixed(0),
        ]),
      ],
    ),
    '## Goals (issue 9)',
    table(['Goal', 'Target', 'Measured', 'Verdict'], goals),
    '',
  ].join('\n\n');
}

async function writeFormatted(path: string, text: string): Promise<void> {
  const options = (await resolveConfig(path)) ?? {};
  writeFileSync(path, await format(text, { ...options, filepath: path }));
}

/** Writes the JSON, the markdown (also as peers-latest.md) and the PNG chart; returns their paths. */
export async function writePeerResults(r: PeerResults): Promise<string[]> {
  mkdirSync(RESULTS_DIR, { recursive: true });
  const stem = `${r.startedAt.slice(0, 10)}-${r.git.sha}-peers${r.mode === 'quick' ? '-quick' : ''}`;
  const json = join(RESULTS_DIR, `${stem}.json`);
  const markdown = join(RESULTS_DIR, `${stem}.md`);
  const png = join(RESULTS_DIR, `${stem}.png`);
  await writeFormatted(json, JSON.stringify(r));
  const text = renderPeerMarkdown(r).replace(
    /\n\n## The stand-in/,
    `\n\n![ratios](${stem}.png)\n\n## The stand-in`,
  );
  await writeFormatted(markdown, text);
  await writeFormatted(
    join(RESULTS_DIR, `peers-latest${r.mode === 'quick' ? '-quick' : ''}.md`),
    text.replace(`](${stem}.png)`, `](${stem}.png)`),
  );
  await renderRatioChart(r, png);
  return [json, markdown, png];
}
