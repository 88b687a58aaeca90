import { MiB } from '../workload';
import type { CaseResult } from './results';

/** How the engine's RSS growth relates to partConcurrency × partSize over the large-file cases. */
export interface MemoryCheck {
  peakRssMiB: { min: number; max: number };
  partsInFlightMiB: { min: number; max: number };
  /**
   * Least-squares fit growth ≈ fixedMiB + slope × partsInFlight. An uploader that buffers whole
   * parts has a slope of at least 1; one that streams parts from disk has a slope near 0.
   */
  fit: { fixedMiB: number; slope: number } | undefined;
  largestGrowth: { caseId: string; growthMiB: number; partsInFlightMiB: number } | undefined;
  bounded: boolean | undefined;
  verdict: string;
}

/** Below this slope, memory does not follow the parts in flight at all: they are streamed. */
const STREAMING_SLOPE = 0.5;
/** Above this slope the engine holds more than its parts in flight (with room for RSS noise). */
const BUFFERING_SLOPE = 1.1;

const toMiB = (bytes: number) => bytes / MiB;

function leastSquares(points: readonly { x: number; y: number }[]) {
  const n = points.length;
  const meanX = points.reduce((s, p) => s + p.x, 0) / n;
  const meanY = points.reduce((s, p) => s + p.y, 0) / n;
  const sxx = points.reduce((s, p) => s + (p.x - meanX) ** 2, 0);
  if (sxx === 0) return undefined;
  const slope = points.reduce((s, p) => s + (p.x - meanX) * (p.y - meanY), 0) / sxx;
  return { fixedMiB: meanY - slope * meanX, slope };
}

/**
 * Checks that memory stays bounded by concurrency × part size. Single RSS readings swing by tens
 * of MiB with garbage-collection timing (more so on a busy machine), so no one case is judged
 * alone: the growth of all large-file cases is fitted against their parts in flight.
 */
export function checkMemory(cases: readonly CaseResult[]): MemoryCheck {
  const large = cases.filter((c) => c.workload === 'large');
  const points = large.map((c) => ({
    id: c.id,
    x: toMiB(c.memory.partBufferBytes),
    y: toMiB(c.memory.growthBytes),
  }));
  const peaks = large.map((c) => toMiB(c.memory.peakRssBytes));
  const fit = points.length >= 3 ? leastSquares(points) : undefined;
  const largest = points.reduce<(typeof points)[number] | undefined>(
    (a, b) => (!a || b.y > a.y ? b : a),
    undefined,
  );
  const base = {
    peakRssMiB: { min: Math.min(...peaks), max: Math.max(...peaks) },
    partsInFlightMiB: {
      min: Math.min(...points.map((p) => p.x)),
      max: Math.max(...points.map((p) => p.x)),
    },
    fit,
    largestGrowth: largest && {
      caseId: largest.id,
      growthMiB: largest.y,
      partsInFlightMiB: largest.x,
    },
  };
  if (!fit || !largest) {
    return {
      ...base,
      bounded: undefined,
      verdict:
        'Too few large-file cases with different part settings to tell how memory follows them.',
    };
  }
  const range = `Peak RSS stayed between ${base.peakRssMiB.min.toFixed(0)} and ${base.peakRssMiB.max.toFixed(0)} MiB while partConcurrency × partSize went from ${base.partsInFlightMiB.min} to ${base.partsInFlightMiB.max} MiB. RSS growth over the process's floor fits ${fit.fixedMiB.toFixed(0)} MiB + ${fit.slope.toFixed(2)} × parts in flight (largest: ${largest.y.toFixed(0)} MiB in ${largest.id}).`;
  if (fit.slope < STREAMING_SLOPE) {
    return {
      ...base,
      bounded: true,
      verdict: `Bounded. ${range} Memory does not follow the part settings: parts are streamed from disk, not buffered (a buffering uploader grows by at least 1 × parts in flight).`,
    };
  }
  const bounded = fit.slope <= BUFFERING_SLOPE;
  return {
    ...base,
    bounded,
    verdict: bounded
      ? `Bounded by the parts in flight. ${range}`
      : `Not bounded: memory grows faster than the parts in flight. ${range}`,
  };
}
