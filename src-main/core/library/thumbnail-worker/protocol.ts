// The messages between the thumbnail pool (the app's own process) and a helper. One job runs in
// a helper at a time: start, the source in chunks, end; the helper answers done or failed.
import { z } from 'zod';

/** Set to '1' in a helper's environment, it enables test-only inputs (hang, crash, hog). */
export const TEST_HOOKS_ENV = 'HAKOBU_THUMBNAIL_TEST_HOOKS';

/** What the pool sends a helper; the pool is trusted, so the helper does not re-validate. */
export type HelperRequest =
  | { type: 'start'; id: number; size: number; maxInputPixels: number }
  | { type: 'chunk'; id: number; data: Uint8Array }
  | { type: 'end'; id: number }
  /** Drop the job: the requester went away or its source failed. The helper still answers. */
  | { type: 'cancel'; id: number };

// A helper decodes hostile files, so whatever it sends back is checked like any untrusted input.
const replySchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('done'), id: z.number().int(), data: z.instanceof(Uint8Array) }),
  z.object({
    type: z.literal('failed'),
    id: z.number().int(),
    reason: z.enum(['unsupported', 'tooLarge']),
    message: z.string().max(4000),
  }),
]);

/** What a helper answers for a job. */
export type HelperReply = z.infer<typeof replySchema>;

/** A helper's message if it is a well-formed reply; undefined otherwise. */
export function parseHelperReply(message: unknown): HelperReply | undefined {
  const parsed = replySchema.safeParse(message);
  return parsed.success ? parsed.data : undefined;
}

/** Where a helper's messages go and how it ends: child_process, utilityProcess or a test fake. */
export interface HelperChannel {
  send(message: HelperRequest): void;
  /** Ends the helper at once (a hung decode cannot be interrupted any other way). */
  kill(): void;
  onMessage(listener: (message: unknown) => void): void;
  /** Called once when the helper has gone, with words for the log ("exited with code 1"). */
  onExit(listener: (detail: string) => void): void;
  /** An idle helper must not keep a CLI process alive; optional where that cannot happen. */
  setBusy?(busy: boolean): void;
}

/** Starts one helper; may throw when it cannot be started at all. */
export type SpawnHelper = () => HelperChannel;
