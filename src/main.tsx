import { StrictMode, startTransition } from 'react';
import { createRoot } from 'react-dom/client';
import '@fontsource/atkinson-hyperlegible/400.css';
import '@fontsource/atkinson-hyperlegible/700.css';
import '@fontsource/atkinson-hyperlegible-mono/400.css';
import '@fontsource/atkinson-hyperlegible-mono/700.css';
import './styles.css';
import { App } from './App';

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
