import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import './i18n/index.ts';
import './styles.css';
import { App } from './App.tsx';
import { bestLanguage } from '../locales/languages.ts';
import { warmFormats } from './components/warm-formats.ts';

setTimeout(() => warmFormats(bestLanguage(navigator.languages)), 0);

const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
}
