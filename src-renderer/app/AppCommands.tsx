import { useHakobuEvent } from './api-context';
import type { Route } from './routes';

/**
 * Carries out commands from the application menu ('app.command'). "Upload files" is main's own
 * native dialog, so the renderer leaves it alone rather than open a second picker.
 */
export function AppCommands({ navigate }: { navigate: (route: Route) => void }) {
  useHakobuEvent('app.command', ({ command }) => {
    if (command === 'openSettings') navigate('settings');
    else if (command === 'runDiagnostics') navigate('diagnostics');
  });
  return null;
}
