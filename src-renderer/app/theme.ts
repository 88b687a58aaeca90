/** Applies the theme setting: 'system' follows the OS (prefers-color-scheme); the others force it. */
export function applyTheme(theme: 'system' | 'light' | 'dark'): void {
  const root = document.documentElement;
  if (theme === 'system') delete root.dataset.theme;
  else root.dataset.theme = theme;
}
