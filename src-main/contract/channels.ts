import { z } from 'zod';
import type {
  AppInfo,
  ChosenFileView,
  ConflictPrompt,
  EnqueueResult,
  DoctorReportView,
  FilesOffer,
  LibraryPage,
  LocationView,
  SessionView,
  SettingsView,
  TransfersDelta,
  TransfersSnapshot,
  UserError,
} from './views';

// One map of every request/response channel: the main process validates arguments with these
// schemas (the renderer is untrusted), and both sides derive their types from the same entries.

/** A channel's argument schema (a zod tuple) paired, at the type level only, with its result. */
export interface InvokeChannel<A extends z.ZodTuple, R> {
  args: A;
  /** Phantom: never read at run time. */
  result?: R;
}

const channel =
  <A extends z.ZodTuple>(args: A) =>
  <R>(): InvokeChannel<A, R> => ({ args });

const Username = z.string().trim().min(1).max(128);
const Password = z.string().min(1).max(256);
const Code = z
  .string()
  .trim()
  .regex(/^\d{6,8}$/, 'a 6–8 digit code');
const LocationName = z.string().min(1).max(128);
const ObjectKey = z.string().min(1).max(1024);
const ItemIds = z.array(z.string().min(1).max(64)).max(10_000).optional();
const LocalPath = z.string().min(1).max(4096);
/** An opaque handle main gave for a file or folder the user chose (see core/files). */
const FileHandle = z.string().regex(/^fh_[A-Za-z0-9_-]{22}$/, 'a file handle from Hakobu');

export const SettingsPatch = z
  .object({
    transfers: z
      .object({
        // One budget for files and parts (issue 9); the old per-file and per-part pair is
        // read from config files only, so the window cannot write it back.
        parallelTransfers: z.number().int().min(1).max(64),
        conflictPolicy: z.enum(['ask', 'overwrite', 'skip', 'rename']),
      })
      .partial()
      .strict(),
    ui: z
      .object({
        language: z.enum(['system', 'ja', 'en']),
        theme: z.enum(['system', 'light', 'dark']),
      })
      .partial()
      .strict(),
  })
  .partial()
  .strict();
export type SettingsPatch = z.infer<typeof SettingsPatch>;

export const invokeChannels = {
  'app.info': channel(z.tuple([]))<AppInfo>(),

  'session.get': channel(z.tuple([]))<SessionView>(),
  'session.signIn': channel(
    z.tuple([z.object({ username: Username, password: Password })]),
  )<SessionView>(),
  'session.completeNewPassword': channel(
    z.tuple([z.object({ newPassword: Password })]),
  )<SessionView>(),
  'session.submitMfaCode': channel(z.tuple([z.object({ code: Code })]))<SessionView>(),
  'session.verifyTotpSetup': channel(z.tuple([z.object({ code: Code })]))<SessionView>(),
  'session.forgotPassword': channel(z.tuple([z.object({ username: Username })]))<SessionView>(),
  'session.confirmForgotPassword': channel(
    z.tuple([z.object({ code: Code, newPassword: Password })]),
  )<SessionView>(),
  'session.changePassword': channel(
    z.tuple([z.object({ oldPassword: Password, newPassword: Password })]),
  )<SessionView>(),
  'session.cancelChallenge': channel(z.tuple([]))<SessionView>(),
  'session.signOut': channel(z.tuple([]))<SessionView>(),
  /** Opens the system browser at managed login; the view then says `browser: 'waiting'`. */
  'session.signInWithBrowser': channel(z.tuple([]))<SessionView>(),
  /** Stops waiting for the browser. */
  'session.cancelBrowserSignIn': channel(z.tuple([]))<SessionView>(),

  'transfers.snapshot': channel(z.tuple([]))<TransfersSnapshot>(),
  /** Handles only: the renderer never names a path (main resolves what the user chose). */
  'transfers.enqueue': channel(
    z.tuple([
      z.object({
        handles: z.array(FileHandle).min(1).max(10_000),
        location: LocationName.optional(),
      }),
    ]),
  )<EnqueueResult>(),
  /** Main's native file or folder dialog; resolves with nothing when the user cancels. */
  'files.choose': channel(z.tuple([z.object({ kind: z.enum(['files', 'folder']) })]))<
    ChosenFileView[]
  >(),
  /** Files opened with Hakobu that wait for the user's yes or no (see 'files.offered'). */
  'files.offers': channel(z.tuple([]))<FilesOffer>(),
  /**
   * The user uploaded or declined these offered files: they stop waiting and are released (no
   * handles: the user saw only the note about skipped items).
   */
  'files.closeOffer': channel(
    z.tuple([z.object({ handles: z.array(FileHandle).max(10_000) })]),
  )<FilesOffer>(),
  'transfers.pause': channel(z.tuple([z.object({ ids: ItemIds })]))<TransfersSnapshot>(),
  'transfers.resume': channel(z.tuple([z.object({ ids: ItemIds })]))<TransfersSnapshot>(),
  'transfers.cancel': channel(z.tuple([z.object({ ids: ItemIds })]))<TransfersSnapshot>(),
  'transfers.retry': channel(z.tuple([z.object({ ids: ItemIds })]))<TransfersSnapshot>(),
  'transfers.clearFinished': channel(z.tuple([]))<TransfersSnapshot>(),
  'transfers.resolveConflict': channel(
    z.tuple([
      z.object({
        itemId: z.string().min(1).max(64),
        choice: z.enum(['overwrite', 'skip', 'rename']),
        applyToAll: z.boolean().default(false),
      }),
    ]),
  )<TransfersSnapshot>(),

  'library.locations': channel(z.tuple([]))<LocationView[]>(),
  'library.list': channel(
    z.tuple([
      z.object({
        location: LocationName,
        path: z.string().max(1024).default(''),
        nextToken: z.string().max(4096).optional(),
      }),
    ]),
  )<LibraryPage>(),
  'library.download': channel(z.tuple([z.object({ location: LocationName, key: ObjectKey })]))<{
    savedTo: string | null;
  }>(),
  'library.delete': channel(
    z.tuple([z.object({ location: LocationName, keys: z.array(ObjectKey).min(1).max(1000) })]),
  )<{ deleted: string[]; failed: { key: string; message: string }[] }>(),

  'settings.get': channel(z.tuple([]))<SettingsView>(),
  'settings.update': channel(z.tuple([SettingsPatch]))<SettingsView>(),
  'doctor.run': channel(z.tuple([]))<DoctorReportView>(),
} as const;

/**
 * Channels only the preload calls, never the page: the preload resolves dropped Files to paths
 * with webUtils.getPathForFile (which a page cannot forge) and hands them to main for handles.
 */
export const bridgeChannels = {
  'files.register': channel(z.tuple([z.object({ paths: z.array(LocalPath).min(1).max(10_000) })]))<
    ChosenFileView[]
  >(),
} as const;

export type InvokeChannelName = keyof typeof invokeChannels;
export type BridgeChannelName = keyof typeof bridgeChannels;
type AllChannels = typeof invokeChannels & typeof bridgeChannels;
type ChannelOf<C extends keyof AllChannels> = AllChannels[C];
/** The arguments a channel takes, as the renderer (or the preload) passes them. */
export type InvokeArgs<C extends keyof AllChannels> = z.input<ChannelOf<C>['args']>;
/** The arguments after validation in main (defaults applied). */
export type ValidatedArgs<C extends keyof AllChannels> = z.output<ChannelOf<C>['args']>;
/** What a channel resolves to. */
export type InvokeResult<C extends keyof AllChannels> = NonNullable<ChannelOf<C>['result']>;

/** Push events from main to the renderer, with their payloads. */
export interface EventChannels {
  'session.changed': SessionView;
  /**
   * Only what changed, at most every 150 ms while the queue changes: apply it if its seq follows
   * the last one seen, else ask 'transfers.snapshot' (which carries the seq it includes).
   */
  'transfers.changed': TransfersDelta;
  'transfers.conflict': ConflictPrompt;
  /** An upload finished: the library shows it without a manual refresh. */
  'library.objectAdded': { location: string; key: string };
  /** A command from the application menu or a shortcut handled by main. */
  'app.command': { command: 'uploadFiles' | 'openSettings' | 'runDiagnostics' };
  /** Files were opened with Hakobu: all that waits for the user's answer (as 'files.offers'). */
  'files.offered': FilesOffer;
}
export type EventName = keyof EventChannels;

/** The IPC envelope: handlers never throw across the boundary, so errors keep their code. */
export type Envelope<R> = { ok: true; value: R } | { ok: false; error: UserError };
