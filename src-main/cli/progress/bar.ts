import type { TransfersSnapshot } from '../../contract/views';
import { formatBytes, formatDuration, formatSpeed } from '../io/format';

/** `[██████░░░░]` for a fraction 0..1, `width` cells wide. */
export function barCells(fraction: number, width: number): string {
  const clamped = Math.min(1, Math.max(0, fraction));
  const filled = Math.round(clamped * width);
  return `[${'█'.repeat(filled)}${'░'.repeat(width - filled)}]`;
}

/**
 * One line of overall progress: percent, bar, bytes, speed, time left and files done, shortened
 * to fit the terminal (the bar shrinks first, then the details go).
 */
export function progressLine(
  total: TransfersSnapshot['total'],
  fileCount: number,
  columns: number,
): string {
  const fraction = total.size > 0 ? total.sentBytes / total.size : 0;
  const percent = `${Math.floor(Math.min(1, fraction) * 100)}%`.padStart(4);
  const done = total.completed + total.failed;
  const details = [
    `${formatBytes(total.sentBytes)} / ${formatBytes(total.size)}`,
    ...(total.speed !== undefined ? [formatSpeed(total.speed)] : []),
    ...(total.etaSeconds !== undefined ? [`${formatDuration(total.etaSeconds)} left`] : []),
    `${done}/${fileCount} files`,
  ].join(' · ');
  const room = columns - percent.length - details.length - 4;
  if (room >= 10) return `${percent} ${barCells(fraction, Math.min(30, room - 2))} ${details}`;
  return `${percent} ${details}`.slice(0, Math.max(10, columns - 1));
}
