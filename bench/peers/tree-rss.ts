import { readdirSync, readFileSync } from 'node:fs';

/** How often the process tree is read; a spike shorter than this between two reads can be missed. */
const SAMPLE_MS = 50;

/** The peak resident set size ("VmHWM: 123 kB") from a /proc/<pid>/status text, in bytes. */
export function parseVmHwm(status: string): number | undefined {
  const match = /^VmHWM:\s+(\d+)\s+kB$/m.exec(status);
  return match ? Number(match[1]) * 1024 : undefined;
}

function read(path: string): string | undefined {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return undefined; // the process (or thread) ended between the listing and the read
  }
}

/** `root` and all its descendants, from /proc/<pid>/task/<tid>/children. */
function processTree(root: number): number[] {
  const seen: number[] = [];
  const pending = [root];
  while (pending.length > 0) {
    const pid = pending.pop() as number;
    seen.push(pid);
    let tasks: string[];
    try {
      tasks = readdirSync(`/proc/${pid}/task`);
    } catch {
      continue;
    }
    for (const tid of tasks) {
      const children = read(`/proc/${pid}/task/${tid}/children`) ?? '';
      for (const child of children.split(' ')) if (child.trim()) pending.push(Number(child));
    }
  }
  return seen;
}

/** Polls a process tree's memory; stop() returns the peak. */
export interface TreeRssSampler {
  /** The highest sum of VmHWM over the tree's live processes seen; undefined without /proc. */
  stop(): number | undefined;
}

/**
 * Samples the kernel's peak RSS (VmHWM) of `rootPid` and its descendants, summed over the
 * processes alive at each reading. For one process this is its own kernel peak; for a tree it is
 * an upper bound, since the children's peaks may not coincide.
 */
export function startTreeRssSampler(rootPid: number): TreeRssSampler {
  let peak: number | undefined;
  const sample = () => {
    let sum = 0;
    let any = false;
    for (const pid of processTree(rootPid)) {
      const hwm = parseVmHwm(read(`/proc/${pid}/status`) ?? '');
      if (hwm === undefined) continue;
      sum += hwm;
      any = true;
    }
    if (any) peak = Math.max(peak ?? 0, sum);
  };
  sample();
  const timer = setInterval(sample, SAMPLE_MS);
  return {
    stop() {
      clearInterval(timer);
      return peak;
    },
  };
}
