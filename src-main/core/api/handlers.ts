import type { SessionView, TransfersSnapshot } from '../../contract/views';
import type { AuthSession } from '../auth';
import { loadConfig, saveUserConfig, formatConfigProblem, type LoadConfigOptions } from '../config';
import { runDoctor, toDoctorReportView } from '../doctor';
import type { ChosenFiles } from '../files';
import type { FileOffers } from '../open-files';
import type { HakobuAppOptions } from './app';
import { UserFacingError, type ContractHandlers } from './dispatch';
import type { SessionServices } from './session-services';
import { configError, settingsView } from './views';

interface HandlerContext {
  options: HakobuAppOptions;
  configOptions: LoadConfigOptions;
  files: ChosenFiles;
  offers: FileOffers;
  auth(): AuthSession;
  services(): SessionServices | undefined;
  view(): SessionView;
  /** Waits until signed-in services follow the latest auth state, then returns the view. */
  settled(): Promise<SessionView>;
}

/** What the transfer list shows while nobody is signed in. */
export const EMPTY_TRANSFERS: TransfersSnapshot = {
  // Below every engine's seq: a window that followed an engine sees a gap and resyncs.
  seq: 0,
  items: [],
  total: { size: 0, sentBytes: 0, active: 0, completed: 0, failed: 0 },
};

/** One function per contract channel, over the app's session and signed-in services. */
export function buildHandlers(ctx: HandlerContext): ContractHandlers {
  const signedIn = (): SessionServices => {
    const services = ctx.services();
    if (!services) throw new UserFacingError('auth.signInRequired', 'Please sign in first.');
    return services;
  };
  const after = async (step: Promise<unknown> | unknown): Promise<SessionView> => {
    await step;
    return ctx.settled();
  };
  const loadSettings = () => {
    const load = loadConfig(ctx.configOptions);
    if (!load.ok) throw configError(load);
    return load;
  };

  return {
    'app.info': async () => ({
      version: ctx.options.version,
      shell: ctx.options.shell === 'electron' ? 'electron' : 'web',
      platform: process.platform,
      locale: ctx.options.locale,
    }),

    'session.get': async () => ctx.settled(),
    'session.signIn': ({ username, password }) => after(ctx.auth().signIn(username, password)),
    'session.completeNewPassword': ({ newPassword }) =>
      after(ctx.auth().completeNewPassword(newPassword)),
    'session.submitMfaCode': ({ code }) => after(ctx.auth().submitMfaCode(code)),
    'session.verifyTotpSetup': ({ code }) => after(ctx.auth().verifyTotpSetup(code)),
    'session.forgotPassword': ({ username }) => after(ctx.auth().forgotPassword(username)),
    'session.confirmForgotPassword': ({ code, newPassword }) =>
      after(ctx.auth().confirmForgotPassword(code, newPassword)),
    'session.changePassword': ({ oldPassword, newPassword }) =>
      after(ctx.auth().changePassword(oldPassword, newPassword)),
    'session.cancelChallenge': async () => after(ctx.auth().cancelChallenge()),
    'session.signOut': () => after(ctx.auth().signOut()),
    'session.signInWithBrowser': () => after(ctx.auth().browser.start()),
    'session.cancelBrowserSignIn': () => after(ctx.auth().browser.cancel()),

    'transfers.snapshot': async () => ctx.services()?.transfers.snapshot() ?? EMPTY_TRANSFERS,
    'transfers.enqueue': async ({ handles, location }) => {
      const { transfers } = signedIn();
      const paths = ctx.files.resolve(handles);
      const { skippedLinks } = await transfers.enqueue(paths, location ? { location } : {});
      return { snapshot: transfers.snapshot(), skippedLinks: skippedLinks.length };
    },
    'files.choose': async ({ kind }) => {
      if (!ctx.options.showFileDialog) {
        throw new UserFacingError('upload.noDialog', 'This window cannot show a file dialog.');
      }
      return ctx.files.register(await ctx.options.showFileDialog(kind));
    },
    'files.offers': async () => ctx.offers.pending(),
    'files.closeOffer': async ({ handles }) => ctx.offers.close(handles),
    'transfers.pause': ({ ids }) => signedIn().transfers.pause(ids),
    'transfers.resume': ({ ids }) => signedIn().transfers.resume(ids),
    'transfers.cancel': ({ ids }) => signedIn().transfers.cancel(ids),
    'transfers.retry': ({ ids }) => signedIn().transfers.retry(ids),
    'transfers.clearFinished': async () => signedIn().transfers.clearFinished(),
    'transfers.resolveConflict': ({ itemId, choice, applyToAll }) =>
      signedIn().transfers.resolveConflict(itemId, choice, applyToAll),

    // The window asks for the locations as it opens the library: the first thumbnails follow.
    'library.locations': async () => {
      const { library } = signedIn();
      library.prepareThumbnails();
      return library.locations();
    },
    'library.list': ({ location, path, nextToken }) =>
      signedIn().library.list({ location, path, ...(nextToken ? { nextToken } : {}) }),
    'library.download': async ({ location, key }) => ({
      savedTo: await signedIn().library.download({
        location,
        key,
        directory: ctx.options.dirs.downloads,
      }),
    }),
    'library.delete': ({ location, keys }) => signedIn().library.delete({ location, keys }),

    'settings.get': async () => settingsView(loadSettings()),
    'settings.update': async (patch) => {
      const saved = saveUserConfig({ ...ctx.configOptions, patch });
      if (!saved.ok) {
        const first = saved.errors[0];
        throw new UserFacingError(
          first?.code === 'CONFIG_LOCKED_KEY' ? 'settings.locked' : 'settings.invalid',
          saved.errors.map((problem) => formatConfigProblem(problem)).join('\n'),
          first?.field ? { field: first.field } : undefined,
        );
      }
      const load = loadSettings();
      ctx.services()?.transfers.updateSettings(load.config.transfers);
      return settingsView(load);
    },
    'doctor.run': async () => {
      const auth = ctx.auth();
      const signedIn = auth.state.status === 'signedIn';
      const report = await runDoctor({
        config: loadSettings().config,
        ...(signedIn ? { signIn: { session: auth } } : {}),
        includeCorsNote: true,
      });
      return toDoctorReportView(report);
    },
  };
}
