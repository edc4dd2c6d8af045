// Languages place labels can be shown in. English is the fallback where the data has no sourced name.
export type Language = 'en' | 'hy' | 'az' | 'ru';
export const LANGUAGES: Language[] = ['en', 'hy', 'az', 'ru'];

/** Each language named in itself, for the language picker. */
export const LANGUAGE_NAMES: Record<Language, string> = {
  en: 'English',
  hy: 'Հայերեն',
  az: 'Azərbaycanca',
  ru: 'Русский',
};
