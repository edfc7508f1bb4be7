/**
 * The preset item lists a class survey can use, referred to by id in the survey's link (so
 * the link stays short). A list is frozen once published: links and answer codes in the wild
 * refer to it by id and by position, so a change would silently re-label old answers. A new
 * or corrected list gets a new id.
 */

export interface SurveyItem {
  /** The item's id in its source (an IMDb id for MovieTweetings films), or null for plain titles. */
  id: string | null;
  title: string;
}

export interface ItemList {
  id: string;
  label: string;
  /** What the student is asked to rate, in the plural (“Rate 16 books”). */
  noun: string;
  description: string;
  /** The scale the list suggests (MovieTweetings rates 0–10, as IMDb does). */
  scale: ScaleId;
  items: readonly SurveyItem[];
}

/** A rating scale of whole numbers min…max; one symbol per rating in the answer code limits it to 31 values. */
export interface SurveyScale {
  min: number;
  max: number;
}

export type ScaleId = '1-5' | '0-10' | '1-10';

export const SCALES: { id: ScaleId; scale: SurveyScale; label: string; hint: string }[] = [
  { id: '1-5', scale: { min: 1, max: 5 }, label: '1–5 stars', hint: '1 = disliked it, 5 = loved it' },
  { id: '0-10', scale: { min: 0, max: 10 }, label: '0–10 (IMDb, MovieTweetings)', hint: '0 = awful, 10 = masterpiece' },
  { id: '1-10', scale: { min: 1, max: 10 }, label: '1–10', hint: '1 = awful, 10 = masterpiece' },
];

const titles = (list: string[]): SurveyItem[] => list.map((title) => ({ id: null, title }));

/**
 * MovieTweetings 100K's twelve most-rated films (by number of ratings: 1,812 for Man of Steel
 * down to 833 for Django Unchained), with their IMDb ids and titles exactly as in movies.dat,
 * so that the class's rows can be set beside the real raters of the same films.
 */
const MOVIETWEETINGS_TOP: SurveyItem[] = [
  { id: 'tt0770828', title: 'Man of Steel (2013)' },
  { id: 'tt1300854', title: 'Iron Man 3 (2013)' },
  { id: 'tt1408101', title: 'Star Trek Into Darkness (2013)' },
  { id: 'tt1483013', title: 'Oblivion (2013)' },
  { id: 'tt0816711', title: 'World War Z (2013)' },
  { id: 'tt1670345', title: 'Now You See Me (2013)' },
  { id: 'tt1343092', title: 'The Great Gatsby (2013)' },
  { id: 'tt1905041', title: 'Fast & Furious 6 (2013)' },
  { id: 'tt1663662', title: 'Pacific Rim (2013)' },
  { id: 'tt2302755', title: 'Olympus Has Fallen (2013)' },
  { id: 'tt1045658', title: 'Silver Linings Playbook (2012)' },
  { id: 'tt1853728', title: 'Django Unchained (2012)' },
];

export const ITEM_LISTS: readonly ItemList[] = [
  {
    id: 'mt12',
    noun: 'films',
    label: 'MovieTweetings films',
    description: "The 12 most-rated films of the built-in MovieTweetings data, so the class's rows sit beside real raters.",
    scale: '0-10',
    items: MOVIETWEETINGS_TOP,
  },
  {
    id: 'films',
    noun: 'films',
    label: 'Well-known films',
    description: 'Sixteen films most people have seen or heard of.',
    scale: '1-5',
    items: titles([
      'The Lion King',
      'Titanic',
      'Star Wars',
      'Jurassic Park',
      'The Matrix',
      'Toy Story',
      'Forrest Gump',
      'Pulp Fiction',
      'The Dark Knight',
      'Inception',
      'Frozen',
      'Avatar',
      'Finding Nemo',
      'The Godfather',
      'Shrek',
      'Mamma Mia!',
    ]),
  },
  {
    id: 'books',
    noun: 'books',
    label: 'Books',
    description: 'Sixteen widely read books, classics and best-sellers.',
    scale: '1-5',
    items: titles([
      "Harry Potter and the Philosopher's Stone",
      'The Lord of the Rings',
      'Nineteen Eighty-Four',
      'Pride and Prejudice',
      'To Kill a Mockingbird',
      'The Hobbit',
      'The Little Prince',
      'The Great Gatsby',
      'The Hunger Games',
      'Don Quixote',
      "Alice's Adventures in Wonderland",
      'The Da Vinci Code',
      'Moby-Dick',
      'Crime and Punishment',
      'The Alchemist',
      'Sapiens',
    ]),
  },
  {
    id: 'dishes',
    noun: 'dishes',
    label: 'Dishes',
    description: 'Sixteen dishes from around the world: everyone has tastes here.',
    scale: '1-5',
    items: titles([
      'Pizza margherita',
      'Sushi',
      'Tacos',
      'Pad thai',
      'Chicken curry',
      'Cheeseburger',
      'Ramen',
      'Paella',
      'Falafel',
      'Lasagne',
      'Pho',
      'Dumplings',
      'Caesar salad',
      'Croissant',
      'Kimchi',
      'Chocolate cake',
    ]),
  },
];

export function itemList(id: string): ItemList | null {
  return ITEM_LISTS.find((l) => l.id === id) ?? null;
}

export function scaleOf(id: ScaleId): SurveyScale {
  return SCALES.find((s) => s.id === id)!.scale;
}
