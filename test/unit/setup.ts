/**
 * The app loads KaTeX on demand (formulas show plain Unicode until it arrives). Component tests
 * check the typeset formulas, so they start with KaTeX loaded, as a student sees the lab a
 * moment after it opens.
 */
import { loadKatex } from '../../src/views/common/katexLoader';

await loadKatex();
