import { useUpload } from '../features/upload/upload-context';
import { useHakobuEvent } from './api-context';
import type { Route } from './routes';

/** Carries out commands from the application menu and main's shortcuts ('app.command'). */
export function AppCommands({ navigate }: { navigate: (route: Route) => void }) {
  const { pickFiles } = useUpload();
  useHakobuEvent('app.command', ({ command }) => {
    if (command === 'uploadFiles') pickFiles();
    else if (command === 'openSettings') navigate('settings');
    else if (command === 'runDiagnostics') navigate('diagnostics');
  });
  return null;
}
