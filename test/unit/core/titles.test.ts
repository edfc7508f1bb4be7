/**
 * Titles files in the formats MovieLens and MovieTweetings ship, decoded in the encoding
 * each really uses, and attached to a data set by item id.
 */
import { describe, expect, it } from 'vitest';
import {
  MOVIELENS_100K_GENRES,
  RatingsParseError,
  attachTitles,
  importRatings,
  parseGenreNames,
  parseTitles,
} from '../../../src/core';

/** ISO-8859-1 bytes of a text whose characters are all below U+0100. */
const latin1 = (text: string) => Uint8Array.from(text, (c) => c.charCodeAt(0));
const utf8 = (text: string) => new TextEncoder().encode(text);
const flags = (...on: number[]) => Array.from({ length: 19 }, (_, g) => (on.includes(g) ? 1 : 0)).join('|');

describe('parseTitles', () => {
  it('u.item: pipes, ISO-8859-1, genres from the 19 flags', () => {
    const text =
      `1|Toy Story (1995)|01-Jan-1995||http://us.imdb.com/M/title-exact?Toy%20Story%20(1995)|${flags(3, 4, 5)}\n` +
      `267|unknown||||${flags(0)}\n` +
      `1300|Misérables, Les (1995)|01-Jan-1995||http://us.imdb.com/|${flags(8)}\n`;
    const table = parseTitles(latin1(text), { fileName: 'ml-100k/u.item' });
    expect(table.format).toBe('u.item');
    expect(table.ids).toEqual(['1', '267', '1300']);
    expect(table.titles[2]).toBe('Misérables, Les (1995)');
    expect(table.genres).toEqual([['Animation', "Children's", 'Comedy'], ['unknown'], ['Drama']]);
  });

  it('u.genre names the flags', () => {
    const names = parseGenreNames('unknown|0\nAction|1\nAdventure|2\n\n');
    expect(names).toEqual(['unknown', 'Action', 'Adventure']);
    expect(MOVIELENS_100K_GENRES).toHaveLength(19);
    const text = `5|Film|||url|1|0|1${'|0'.repeat(16)}\n`;
    expect(
      parseTitles(text, { format: 'u.item', genreNames: ['G0', 'G1', 'G2', ...MOVIELENS_100K_GENRES.slice(3)] }).genres,
    ).toEqual([['G0', 'G2']]);
  });

  it('movies.csv: quoted titles with commas, genres A|B, "(no genres listed)"', () => {
    const text =
      'movieId,title,genres\n' +
      '1,Toy Story (1995),Adventure|Animation|Children|Comedy|Fantasy\n' +
      '11,"American President, The (1995)",Comedy|Drama|Romance\n' +
      '42,"The ""Quoted"" One (2001)",(no genres listed)\n';
    const table = parseTitles(text, { fileName: 'movies.csv' });
    expect(table.titles).toEqual(['Toy Story (1995)', 'American President, The (1995)', 'The "Quoted" One (2001)']);
    expect(table.genres![1]).toEqual(['Comedy', 'Drama', 'Romance']);
    expect(table.genres![2]).toEqual([]);
  });

  it('movies.dat: ML-1M in ISO-8859-1, MovieTweetings in UTF-8, empty genres', () => {
    const ml1m = parseTitles(latin1('1::Toy Story (1995)::Animation|Comedy\n73::Misérables, Les (1995)::Drama\n'));
    expect(ml1m.format).toBe('movies.dat');
    expect(ml1m.titles[1]).toBe('Misérables, Les (1995)');
    const tweets = parseTitles(
      utf8("0002844::Fantômas - À l'ombre de la guillotine (1913)::Crime|Drama\n0004972::The Birth of a Nation (1915)::\n"),
    );
    expect(tweets.ids).toEqual(['0002844', '0004972']);
    expect(tweets.titles[0]).toBe("Fantômas - À l'ombre de la guillotine (1913)");
    expect(tweets.genres).toEqual([['Crime', 'Drama'], []]);
    // a title that starts with a quote is not CSV quoting in these formats
    expect(parseTitles('7::"Great" Expectations (1998)::Drama\n').titles).toEqual(['"Great" Expectations (1998)']);
  });

  it('a plain id,title[,genres] file, with or without a header', () => {
    expect(parseTitles('id,title\nm1,"Heat, 1995"\nm2,Alien\n').titles).toEqual(['Heat, 1995', 'Alien']);
    const bare = parseTitles('m1\tHeat\tCrime|Drama\nm2\tAlien\tHorror\n');
    expect(bare.ids).toEqual(['m1', 'm2']);
    expect(bare.genres).toEqual([['Crime', 'Drama'], ['Horror']]);
  });

  it('refuses with the line: a repeated id, a row without a title, a bad flag', () => {
    expect(() => parseTitles('1::A::Drama\n1::B::Drama\n')).toThrow('Line 2: item "1" already has a title (line 1).');
    expect(() => parseTitles('id,title\nm1\n')).toThrow(/^Line 2: expected 2 fields/);
    expect(() => parseTitles(`1|Film|||url|${flags(1).replace(/^0/, '2')}\n`, { format: 'u.item' })).toThrow(
      /^Line 1: genre flag 1 \(unknown\) is "2", not 0 or 1\./,
    );
    expect(() => parseTitles('')).toThrow(RatingsParseError);
  });
});

describe('attachTitles', () => {
  it('gives each item its title and genres by id, null where the file has none', () => {
    const { dataset } = importRatings('u1,10,4\nu1,20,3\nu2,30,5\n');
    const table = parseTitles('10::Heat (1995)::Crime\n30::Alien (1979)::Horror|Sci-Fi\n99::Unused (2000)::Drama\n');
    const attached = attachTitles(dataset, table);
    expect(attached.dataset.itemTitles).toEqual(['Heat (1995)', null, 'Alien (1979)']);
    expect(attached.dataset.itemGenres).toEqual([['Crime'], [], ['Horror', 'Sci-Fi']]);
    expect([attached.matched, attached.missing, attached.unused]).toEqual([2, 1, 1]);
    // R itself is untouched
    expect(attached.dataset.ratings).toBe(dataset.ratings);
  });
});
