// Reduces a Chrome trace and a V8 CPU profile to the few lines worth reading.
import { basename } from 'node:path';
import { z } from 'zod';

const TraceEvent = z.object({
  name: z.string(),
  ph: z.string(),
  pid: z.number(),
  tid: z.number(),
  dur: z.number().optional(),
  args: z.object({ name: z.string().optional() }).loose().optional(),
});
const Trace = z.object({ traceEvents: z.array(z.unknown()) });

/** Total ms per event name on the renderer main thread(s), longest first. */
export function summarizeTrace(json: string): [string, number][] {
  const events = Trace.parse(JSON.parse(json)).traceEvents.flatMap((raw) => {
    const parsed = TraceEvent.safeParse(raw);
    return parsed.success ? [parsed.data] : [];
  });
  const mainThreads = new Set(
    events
      .filter((e) => e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain')
      .map((e) => `${e.pid}:${e.tid}`),
  );
  const totals = new Map<string, number>();
  for (const e of events) {
    if (e.ph !== 'X' || e.dur === undefined || !mainThreads.has(`${e.pid}:${e.tid}`)) continue;
    totals.set(e.name, (totals.get(e.name) ?? 0) + e.dur / 1000);
  }
  return [...totals].sort((a, b) => b[1] - a[1]);
}

/** The parts of a V8 CPU profile (CDP Profiler.stop) read here. */
export interface CpuProfile {
  nodes: {
    id: number;
    callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number };
  }[];
  samples?: number[];
  timeDeltas?: number[];
}

/** Self time in ms per function (name, file and line), longest first. */
export function summarizeCpuProfile(profile: CpuProfile): [string, number][] {
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const totals = new Map<string, number>();
  const samples = profile.samples ?? [];
  const deltas = profile.timeDeltas ?? [];
  for (let i = 0; i < samples.length; i++) {
    const frame = byId.get(samples[i] ?? -1)?.callFrame;
    if (!frame) continue;
    const where = frame.url
      ? ` ${basename(frame.url)}:${frame.lineNumber + 1}:${frame.columnNumber + 1}`
      : '';
    const name = `${frame.functionName || '(anonymous)'}${where}`;
    totals.set(name, (totals.get(name) ?? 0) + (deltas[i + 1] ?? 0) / 1000);
  }
  return [...totals].sort((a, b) => b[1] - a[1]);
}
