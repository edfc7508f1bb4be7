/**
 * Item titles for the command line's --titles FILE: item id → title, from
 *
 * - a plain `id,title` CSV (a header is optional; titles may be "quoted", with "" for a quote),
 * - MovieLens `movies.csv` (`movieId,title,genres`, header),
 * - MovieLens `movies.dat` (`id::title::genres`),
 * - MovieLens 100k `u.item` (`id|title|release date|…`, Latin-1).
 *
 * A small reader for the command line only; the lab's import reads titles its own way.
 */

/** Splits one CSV line, honouring double-quoted fields ("" inside quotes is a quote). */
export function splitCsvLine(line: string): string[] {
  const out: string[] = [];
  let field = '';
  let quoted = false;
  for (let c = 0; c < line.length; c++) {
    const ch = line[c]!;
    if (quoted) {
      if (ch === '"' && line[c + 1] === '"') {
        field += '"';
        c++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"' && field === '') quoted = true;
    else if (ch === ',') {
      out.push(field);
      field = '';
    } else field += ch;
  }
  out.push(field);
  return out;
}

/**
 * Reads a titles file (already decoded) into a map from item id to title. Throws with the line
 * number when a line has no title.
 */
export function parseTitles(text: string): Map<string, string> {
  const lines = text.replace(/^\uFEFF/, '').split(/\r\n|\n|\r/);
  const first = lines.find((l) => l.trim() !== '') ?? '';
  const kind = first.includes('::') ? '::' : first.includes('|') ? '|' : ',';
  const titles = new Map<string, string>();
  lines.forEach((raw, l) => {
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) return;
    const fields = kind === ',' ? splitCsvLine(line) : line.split(kind);
    const id = fields[0]!.trim();
    const title = (fields[1] ?? '').trim();
    // A header: the first line whose id is a column name, not an id that appears later.
    if (titles.size === 0 && /^(movie|item)?_?id$/i.test(id)) return;
    if (id === '' || title === '') {
      throw new RangeError(`line ${l + 1}: expected "id${kind}title", found "${line.slice(0, 60)}".`);
    }
    titles.set(id, title);
  });
  return titles;
}

/** Decodes a titles file: UTF-8, or Latin-1 when it is not valid UTF-8 (MovieLens u.item and movies.dat). */
export function decodeTitles(bytes: Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder('latin1').decode(bytes);
  }
}
