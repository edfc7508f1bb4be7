import { LabProvider } from './state/LabContext';
import { Lab } from './views/Lab';

export function App() {
  return (
    <div className="app">
      <header className="app-header">
        <h1>
          MF&nbsp;Lab <span className="tagline">matrix factorization for recommenders, step by step</span>
        </h1>
      </header>
      <main>
        <LabProvider preset="lecture-r">
          <Lab />
        </LabProvider>
      </main>
    </div>
  );
}
