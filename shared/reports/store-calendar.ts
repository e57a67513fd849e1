/**
 * The store's calendar: which store day and hour a moment falls in, and where a day starts. Days are the local
 * calendar days of the machine that computes them (a till, its screens and its manager are in the store), so
 * "today" and "yesterday" begin at local midnight, also across daylight-saving changes (a day of 23 or 25 hours).
 * Days are written 'YYYY-MM-DD' and sort as text.
 */
export interface StorePlace {
  day: string;
  /** 0–23, local clock hour (the repeated hour of a DST change counts once). */
  hour: number;
}

export interface StoreCalendar {
  placeOf(iso: string): StorePlace;
  /** The moment the day starts, as an ISO time (UTC). */
  dayStart(day: string): string;
}

export const DAY_PATTERN = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;

const two = (n: number) => String(n).padStart(2, '0');

export function dayOfDate(date: Date): string {
  return `${date.getFullYear()}-${two(date.getMonth() + 1)}-${two(date.getDate())}`;
}

function parseDay(day: string): { y: number; m: number; d: number } {
  if (!DAY_PATTERN.test(day)) throw new RangeError(`Not a day: ${day}`);
  return { y: Number(day.slice(0, 4)), m: Number(day.slice(5, 7)), d: Number(day.slice(8, 10)) };
}

/** The day `n` days after `day` (before, when negative). */
export function addDays(day: string, n: number): string {
  const { y, m, d } = parseDay(day);
  // Noon: a DST change never moves it to another date.
  return dayOfDate(new Date(y, m - 1, d + n, 12));
}

/** Every day from `from` to `to`, both included ([] when `to` is before `from`). */
export function daysBetween(from: string, to: string): string[] {
  const out: string[] = [];
  for (let day = from; day <= to && out.length < 40_000; day = addDays(day, 1)) out.push(day);
  return out;
}

/** The calendar of this process's time zone. */
export const localCalendar: StoreCalendar = {
  placeOf(iso) {
    const date = new Date(iso);
    return { day: dayOfDate(date), hour: date.getHours() };
  },
  dayStart(day) {
    const { y, m, d } = parseDay(day);
    return new Date(y, m - 1, d).toISOString();
  },
};
