import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app';
import { CustomerDisplay } from './screens/customer-display/customer-display';
import { isCustomerDisplayPath } from './screens/customer-display/display-route';
import { startAuthSync } from './state/auth-store';
import { startCoreSync } from './state/core-store';
import './styles/base.css';

const root = document.getElementById('root');
if (!root) throw new Error('Kassa: index.html has no #root element');

// The customer display is the same page at another path (the host serves index.html for every screen path);
// it needs no login, so it skips the session and core syncs.
const customerDisplay = isCustomerDisplayPath(window.location.pathname);
if (!customerDisplay) {
  startAuthSync();
  startCoreSync();
}
createRoot(root).render(<StrictMode>{customerDisplay ? <CustomerDisplay /> : <App />}</StrictMode>);
