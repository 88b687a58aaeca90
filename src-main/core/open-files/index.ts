export { FileOffers, MAX_OFFERED_FILES, type FileOffersOptions } from './file-offers';
export {
  HAKOBU_SCHEME,
  MAX_ARGUMENT_LENGTH,
  MAX_LAUNCH_PATHS,
  parseLaunchArgs,
  type LaunchArgs,
  type LaunchArgsOptions,
} from './launch-args';
export { LaunchInbox, type LaunchInboxOptions, type OfferPaths } from './launch-inbox';
