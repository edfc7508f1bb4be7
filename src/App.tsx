import { useState } from 'react';
import { LabProvider, useLabStore } from './state/LabContext';
import { initialLabOptions, usePersistence } from './state/persist';
import { Lab } from './views/Lab';

/** Keeps the main lab's state in the URL and in storage. */
function Persistence() {
  usePersistence(useLabStore());
  return null;
}

export function App() {
  const [options] = useState(initialLabOptions);
  return (
    <div className="app">
      <header className="app-header">
        <h1>
          MF&nbsp;Lab <span className="tagline">matrix factorization for recommenders, step by step</span>
        </h1>
      </header>
      <main>
        <LabProvider {...options}>
          <Persistence />
          <Lab />
        </LabProvider>
      </main>
    </div>
  );
}
