/**
 * The importer's hints are written for the command line ("pass --venue binance"); inside the app
 * they name the field of "Declare what the file cannot say" that does the same.
 */
const FLAGS: [RegExp, string][] = [
  [/--venue (["\w-]+)/g, 'Venue to "$1"'],
  [/--venue\b/g, 'Venue'],
  [/--symbol\b/g, 'Symbol'],
  [/--interval\b/g, 'Interval'],
  [/--kind (\w+)/g, 'Kind to "$1"'],
  [/--kind\b/g, 'Kind'],
  [/--utc-offset\b/g, '"UTC offset of local times"'],
];

const PLACE = 'under "Declare what the file cannot say"';

export function uiHint(text: string): string {
  return text
    .replace(/\bpass --columns \S+/g, 'name the header\'s columns time, open, high, low and close (the command line\'s --columns maps other names)')
    .replace(/\bpass ((?:--[\w-]+(?: (?!if\b|or\b|to\b)[\w"-]+)?(?:,? or )?)+)/g, (_, flags: string) => `set ${FLAGS.reduce((s, [re, to]) => s.replace(re, to), flags.trim())} ${PLACE}`);
}
