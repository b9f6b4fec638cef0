import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app.tsx';
import { openDatabase } from './db/database.ts';
import './styles.css';

// Start the engine before React renders: its download and compile overlap with the first paint.
openDatabase().catch(() => {}); // the failure is shown by the app from the shared state

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
