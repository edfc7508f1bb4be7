/**
 * Which column of a file is the user, the item, the rating (or count) and the time. A file
 * without a value column is implicit feedback where each row is one interaction (value 1);
 * a column of counts or plays is implicit feedback with those values.
 */
import type { DatasetKind } from '../dataset';

export interface ColumnMapping {
  /** 0-based column of the user id. */
  user: number;
  /** 0-based column of the item id. */
  item: number;
  /** Column of the rating or count, or null: each row is one interaction, value 1 (implicit). */
  value: number | null;
  /** 'explicit': the value is a rating; 'implicit': a count, plays, or a 0/1 observation. */
  valueKind: DatasetKind;
  /** Column of the time (Unix seconds, or an ISO date such as 2013-04-01), or null. */
  timestamp: number | null;
}

/** The command line's reading: user, item, rating, then an optional timestamp. */
export const DEFAULT_MAPPING: ColumnMapping = { user: 0, item: 1, value: 2, valueKind: 'explicit', timestamp: 3 };

const USER = /^(user|users|userid|user_id|uid|u|customer|customerid|customer_id|member|memberid|person|visitor|reader|viewer)$/i;
const ITEM =
  /^(item|items|itemid|item_id|iid|i|movie|movieid|movie_id|film|filmid|product|productid|product_id|song|songid|track|trackid|artist|artistid|artist_id|book|bookid|isbn|asin|title|object|objectid)$/i;
const RATING = /^(rating|ratings|score|stars|star|grade|value|rate|r|preference|pref|vote)$/i;
const COUNT =
  /^(count|counts|plays|playcount|play_count|plays_count|listens|clicks|views|visits|weight|times|n|frequency|freq|quantity|qty)$/i;
const TIME = /^(timestamp|time|ts|t|date|datetime|date_time|created|created_at|time_stamp|unix_time|unixtime|when)$/i;

const find = (header: readonly string[], pattern: RegExp, taken: Set<number>): number | null => {
  const c = header.findIndex((name, k) => !taken.has(k) && pattern.test(name.trim().replace(/\s+/g, '_')));
  return c < 0 ? null : c;
};

/**
 * The likely mapping: by the header's names when it has recognisable ones (userId, movieId,
 * rating, plays, timestamp, …); otherwise by position — 2 columns are user, item
 * (implicit, one interaction per row), 3 add the rating, 4 add the timestamp.
 */
export function guessMapping(header: readonly string[] | null, columns: number): ColumnMapping {
  if (header) {
    const taken = new Set<number>();
    const take = (c: number | null) => (c !== null && taken.add(c), c);
    const user = take(find(header, USER, taken));
    const item = take(find(header, ITEM, taken));
    if (user !== null && item !== null) {
      const rating = take(find(header, RATING, taken));
      const count = rating === null ? take(find(header, COUNT, taken)) : null;
      return {
        user,
        item,
        value: rating ?? count,
        valueKind: rating !== null ? 'explicit' : 'implicit',
        timestamp: find(header, TIME, taken),
      };
    }
  }
  if (columns <= 2) return { user: 0, item: 1, value: null, valueKind: 'implicit', timestamp: null };
  return { user: 0, item: 1, value: 2, valueKind: 'explicit', timestamp: columns >= 4 ? 3 : null };
}

/** True when the names include a user column and an item column (`user,item`, `userId,movieId`): a header. */
export function namesRatingColumns(names: readonly string[]): boolean {
  const taken = new Set<number>();
  const user = find(names, USER, taken);
  if (user === null) return false;
  taken.add(user);
  return find(names, ITEM, taken) !== null;
}

/** Refuses a mapping that names a column twice or a column the file does not have (a programming error in the caller). */
export function assertMapping(mapping: ColumnMapping, columns: number): void {
  const used = [mapping.user, mapping.item, mapping.value, mapping.timestamp].filter((c): c is number => c !== null);
  for (const c of used) {
    if (!Number.isInteger(c) || c < 0 || c >= columns) {
      throw new RangeError(
        `The column mapping names column ${c + 1}, but the file has ${columns} column${columns === 1 ? '' : 's'}.`,
      );
    }
  }
  if (new Set(used).size !== used.length) throw new RangeError('The column mapping uses one column for two roles.');
}

/** Largest column the mapping reads, plus one: the fewest fields a row must have. */
export function columnsNeeded(mapping: ColumnMapping): number {
  return Math.max(mapping.user, mapping.item, mapping.value ?? -1, mapping.timestamp ?? -1) + 1;
}
