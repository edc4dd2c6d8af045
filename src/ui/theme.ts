// The page's colour scheme: light, dark, or the reader's own (auto). The full app follows the reader by default;
// the embed is light by default, so a dark system does not paint a dark box inside a light article.
// `data-theme` on <html> is what the stylesheets (styles.css, the generated side colours) key on.

export const THEMES = ['light', 'dark', 'auto'] as const;
export type Theme = (typeof THEMES)[number];

export const isTheme = (value: string): value is Theme => (THEMES as readonly string[]).includes(value);

/** Sets the page's scheme: `data-theme` for light and dark, none for auto (the stylesheets then follow the OS). */
export function applyTheme(theme: Theme, root: HTMLElement = document.documentElement): void {
  if (theme === 'auto') delete root.dataset.theme;
  else root.dataset.theme = theme;
}

/** Whether the page is drawn dark: set so, or auto on a system that prefers dark. */
export function isDark(theme: Theme): boolean {
  if (theme !== 'auto') return theme === 'dark';
  return window.matchMedia?.('(prefers-color-scheme: dark)').matches ?? false;
}
