export {
  ChosenFiles,
  FILE_HANDLE_PATTERN,
  type ChosenFile,
  type ChosenFilesOptions,
} from './chosen-files';
export { isPathInside, nonLocalPathProblem } from './local-path';
