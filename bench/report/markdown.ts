import { MiB } from '../workload';
import type { BenchResults, CaseResult } from './results';

const mib = (bytes: number) => `${(bytes / MiB).toFixed(0)} MiB`;
const secs = (s: number) => `${s.toFixed(2)} s`;
const pct = (n: number) => `${n.toFixed(0)}%`;

function table(header: string[], rows: string[][]): string {
  const line = (cells: string[]) => `| ${cells.join(' | ')} |`;
  return [line(header), line(header.map(() => '---')), ...rows.map(line)].join('\n');
}

function linkName(c: CaseResult): string {
  return c.link === 'wan' ? `${c.latencyMs} ms latency per request` : 'loopback';
}

function largeSection(cases: CaseResult[]): string {
  const first = cases[0] as CaseResult;
  const rows = cases.map((c) => [
    `${c.transfers.partSizeMiB} MiB`,
    String(c.transfers.partConcurrency),
    secs(c.seconds.median),
    c.mibPerSecond.toFixed(1),
    pct(c.seconds.spreadPct),
    c.cpuSeconds.median.toFixed(1),
    mib(c.memory.peakRssBytes),
    mib(c.memory.growthBytes),
    mib(c.memory.partBufferBytes),
  ]);
  return [
    `## One ${mib(first.bytes)} file, ${linkName(first)}`,
    table(
      [
        'Part size',
        'Parts at once',
        'Median',
        'MiB/s',
        'Spread',
        'CPU s',
        'Peak RSS',
        'RSS growth',
        'Parts in flight',
      ],
      rows,
    ),
  ].join('\n\n');
}

function smallSection(cases: CaseResult[]): string {
  const first = cases[0] as CaseResult;
  const rows = cases.map((c) => [
    String(c.transfers.concurrency),
    secs(c.seconds.median),
    c.filesPerSecond.toFixed(1),
    c.mibPerSecond.toFixed(1),
    pct(c.seconds.spreadPct),
    ((c.cpuSeconds.median / c.files) * 1000).toFixed(1),
    mib(c.memory.peakRssBytes),
  ]);
  return [
    `## ${first.files} files of ${(first.bytes / first.files / 1024).toFixed(0)} KiB, ${linkName(first)}`,
    table(
      ['Files at once', 'Median', 'Files/s', 'MiB/s', 'Spread', 'CPU ms/file', 'Peak RSS'],
      rows,
    ),
  ].join('\n\n');
}

function loadLine({ loadAverage, machine }: BenchResults): string {
  const busy = Math.max(loadAverage.start, loadAverage.end) > machine.cpus / 2;
  return `Load average ${loadAverage.start.toFixed(1)} at the start and ${loadAverage.end.toFixed(1)} at the end${busy ? ': other work shared the cores, so expect wide spreads' : ''}.`;
}

/** The human-readable report, bench/results/latest.md. */
export function renderMarkdown(results: BenchResults): string {
  const { git, machine, plan, recommendation: r } = results;
  const sections: string[] = [];
  for (const link of ['loopback', 'wan'] as const) {
    const large = results.cases.filter((c) => c.link === link && c.workload === 'large');
    const small = results.cases.filter((c) => c.link === link && c.workload === 'small');
    if (large.length > 0) sections.push(largeSection(large));
    if (small.length > 0) sections.push(smallSection(small));
  }
  const minutes = Math.floor(results.durationSeconds / 60);
  const seconds = Math.round(results.durationSeconds % 60);
  return [
    `# Hakobu upload benchmark, ${results.startedAt.slice(0, 10)}`,
    [
      `Commit ${git.sha}${git.dirty ? ' with uncommitted changes in the working tree' : ''}, ${plan.mode} run (${minutes} min ${seconds} s).`,
      `${machine.cpus} × ${machine.cpuModel}, ${mib(machine.memoryBytes)} RAM, ${machine.platform} ${machine.osRelease}, Node ${machine.node}.`,
      loadLine(results),
      'These are measurements, not tests: nothing here is asserted, and `npm test` never runs them.',
    ].join('\n'),
    '## Recommended defaults',
    [
      `- \`transfers.concurrency\`: **${r.concurrency}**`,
      `- \`transfers.partConcurrency\`: **${r.partConcurrency}**`,
      `- \`transfers.partSizeMiB\`: **${r.partSizeMiB}**`,
    ].join('\n'),
    r.reasons.map((reason) => `- ${reason}`).join('\n'),
    ...sections,
    '## Memory',
    results.memory.verdict,
    '## How these were measured',
    [
      `- Each case ran in its own process, with local-aws in another, so the RSS columns are the engine's (with the AWS SDK) alone. Peak RSS is the kernel's ru_maxrss over the case; RSS growth is that peak minus the process's RSS after sign-in, before any upload.`,
      `- Each case first uploads a smaller warm-up workload untimed, then times ${plan.repetitions} uploads from enqueue to idle. Median is their median; spread is (slowest − fastest) / median.`,
      '- Every upload writes new keys, so the conflict check each file gets (a listing of its key) is included, as in a first upload; uploads are deleted afterwards.',
      '- "Parts in flight" is partConcurrency × partSize: what an uploader that buffers whole parts would hold (lib-storage holds about partSize × (queueSize + 1)).',
      `- The latency cases make local-aws wait ${plan.latencyMs} ms before answering each request. Bandwidth is not capped, so they model a distant region, not a slow line.`,
    ].join('\n'),
  ].join('\n\n');
}
