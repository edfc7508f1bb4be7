/** KaTeX and its stylesheet, as one chunk loaded on demand (see katexLoader). */
import katex from 'katex';
import 'katex/dist/katex.min.css';

export default katex;
