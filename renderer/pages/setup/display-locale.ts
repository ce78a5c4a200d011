/**
 * Dates and times written the user's regional way when it is a variant of the app's language
 * (en-GB for English: 24-hour clock, day first), else the way of the app's language.
 */
export function displayLocale(appLanguage: string): string {
  const base = appLanguage.split('-')[0];
  return navigator.languages.find((l) => l.split('-')[0] === base) ?? appLanguage;
}
