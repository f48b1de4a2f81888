import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { getApi, getDisplayApi, isDisplayPage } from './api';
import { DisplayApp } from './display/DisplayApp';
import { initI18n } from './i18n';
import { startBridge } from './state/bridge';
import { TillProvider } from './state/react';
import { createTillStore } from './state/store';
import './styles/index.css';

initI18n('zh');
const root = document.getElementById('root');

function till() {
  // After the host restarted under this tab: the host's mode, who is signed in (a restart signs
  // everyone out) and the cart, never the tab's memory.
  const api = getApi(() => {
    const s = store.getState();
    void s.loadInfo();
    void s.loadSession().then(() => {
      if (store.getState().session?.user) void store.getState().loadSale();
    });
  });
  const store = createTillStore(api);
  startBridge(api, store);
  void store.getState().loadInfo();
  // Who is signed in decides the first screen; the cart (kept across restarts) and the header's
  // count of unresolved cases load after sign-in (slices/auth.ts).
  void store.getState().loadSession();
  return (
    <TillProvider store={store}>
      <App />
    </TillProvider>
  );
}

if (root) {
  // The customer display (客显) is the same page in its read-only mode.
  const page = isDisplayPage(location.hash) ? <DisplayApp api={getDisplayApi()} /> : till();
  createRoot(root).render(<StrictMode>{page}</StrictMode>);
}
