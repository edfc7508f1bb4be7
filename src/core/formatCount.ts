/**
 * A count with thousands separators, as `n.toLocaleString('en')` writes it ("1,000,209"), without
 * Intl: the first Intl number format of a page sets up ICU data, a 60–250 ms main-thread task on
 * a phone, paid in the middle of the lab's first model. Integers and decimals alike; the
 * fraction, if any, is kept as JavaScript writes it (at most three digits, as toLocaleString).
 */
export function formatCount(n: number): string {
  if (!Number.isFinite(n)) return String(n);
  const negative = n < 0 || Object.is(n, -0);
  const rounded = Number.isInteger(n) ? Math.abs(n) : Math.round(Math.abs(n) * 1000) / 1000;
  const [whole, fraction] = String(rounded).split('.');
  if (whole!.includes('e')) return (negative ? '-' : '') + whole!;
  const grouped = whole!.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  const sign = negative && rounded !== 0 ? '-' : '';
  return sign + grouped + (fraction ? `.${fraction}` : '');
}
