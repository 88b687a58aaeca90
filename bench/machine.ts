import { execFileSync } from 'node:child_process';
import { availableParallelism, cpus, release, totalmem } from 'node:os';
import { REPO_ROOT } from './paths';

/** What the figures depend on besides the code. */
export interface MachineInfo {
  platform: string;
  arch: string;
  osRelease: string;
  cpuModel: string;
  /** Cores Node may use (availableParallelism: respects CPU affinity and cgroup quotas). */
  cpus: number;
  memoryBytes: number;
  node: string;
}

/** Describes this machine. */
export function machineInfo(): MachineInfo {
  return {
    platform: process.platform,
    arch: process.arch,
    osRelease: release(),
    cpuModel: cpus()[0]?.model.trim() ?? 'unknown',
    cpus: availableParallelism(),
    memoryBytes: totalmem(),
    node: process.version,
  };
}

/** The commit measured, and whether tracked files differed from it (then the tree was measured). */
export interface GitRevision {
  sha: string;
  dirty: boolean;
}

/** The checkout's short HEAD sha and dirtiness; `unknown` outside a git checkout. */
export function gitRevision(): GitRevision {
  const git = (...args: string[]) =>
    execFileSync('git', args, {
      cwd: REPO_ROOT,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
    }).trim();
  try {
    return {
      sha: git('rev-parse', '--short', 'HEAD'),
      dirty: git('status', '--porcelain', '--untracked-files=no').length > 0,
    };
  } catch {
    return { sha: 'unknown', dirty: true };
  }
}
