import '@mantine/core/styles.css';
import '@mantine/charts/styles.css';
import '@mantine/notifications/styles.css';
import './global.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { createApiClient } from './api/client';
import { pickTransport } from './api/transport';
import { App } from './app/App';
import { pickHost } from './host/pick-host';

// The transport is chosen once: the Electron preload bridge when present, else HTTP to the harness.
const api = createApiClient(pickTransport());
const host = pickHost();

const container = document.getElementById('root');
if (!container) throw new Error('#root missing from index.html');
createRoot(container).render(
  <StrictMode>
    <App services={{ api, host }} />
  </StrictMode>,
);
