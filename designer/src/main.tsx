// Entry point: styles, then the app.
import '@xyflow/react/dist/style.css';
import './styles/app.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App.tsx';
import { installBenchHook } from './editor/bench-hook.ts';
import { getLanguage } from './i18n/i18n.ts';

document.documentElement.lang = getLanguage();
installBenchHook();
const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
}
