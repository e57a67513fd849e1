import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app';
import { startAuthSync } from './state/auth-store';
import './styles/base.css';

const root = document.getElementById('root');
if (!root) throw new Error('Kassa: index.html has no #root element');

startAuthSync();
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
