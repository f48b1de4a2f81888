import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { getApi } from './api';
import { initI18n } from './i18n';
import { startBridge } from './state/bridge';
import { TillProvider } from './state/react';
import { createTillStore } from './state/store';
import './styles/index.css';

initI18n('zh');
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

const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <TillProvider store={store}>
        <App />
      </TillProvider>
    </StrictMode>,
  );
}
