import { StrictMode, startTransition } from 'react';
import { createRoot } from 'react-dom/client';
import './styles.css';
import { App } from './App';
import { startWebFonts } from './fonts/webFonts';

// The page's fonts: at once when this browser has them cached, else fetched for the next visit
// once the page is up (see fonts/webFonts).
startWebFonts();

// When the entry started, for the end-to-end test that the page is drawn before it (index.html's loader).
performance.mark?.('mf-lab-entry');

// A transition: React builds the first screen in slices of a few milliseconds, yielding to the
// browser between them, instead of one long task (the lab's first render was a 150–500 ms task
// on a phone, most of the page's blocking time). The HTML shell stays on screen meanwhile.
startTransition(() => {
  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
});
