import { z } from 'zod';

// The harness protocol (JSON text frames). Frames from the server are parsed, not trusted: a
// malformed one is dropped instead of reaching React state.

const UserErrorFrame = z.object({
  code: z.string(),
  message: z.string(),
  params: z.record(z.string(), z.union([z.string(), z.number()])).optional(),
});

const EnvelopeFrame = z.union([
  z.object({ ok: z.literal(true), value: z.unknown() }),
  z.object({ ok: z.literal(false), error: UserErrorFrame }),
]);

export const ServerFrame = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('result'),
    id: z.union([z.number(), z.string()]),
    envelope: EnvelopeFrame,
  }),
  z.object({ type: z.literal('event'), event: z.string(), payload: z.unknown() }),
]);
export type ServerFrame = z.infer<typeof ServerFrame>;

/** What the harness answers to a staged batch: the handles to enqueue (one per dropped item). */
export const StagedFiles = z.object({ handles: z.array(z.string().min(1)) });

/** A request from the page to the harness. */
export interface InvokeFrame {
  type: 'invoke';
  id: number;
  channel: string;
  args: readonly unknown[];
}

/** Parses one text frame from the server, or returns undefined when it is not a valid frame. */
export function parseServerFrame(data: unknown): ServerFrame | undefined {
  if (typeof data !== 'string') return undefined;
  let json: unknown;
  try {
    json = JSON.parse(data);
  } catch {
    return undefined;
  }
  const parsed = ServerFrame.safeParse(json);
  return parsed.success ? parsed.data : undefined;
}
