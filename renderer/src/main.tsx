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
// After the host restarted under this tab: the host's mode and cart, never the tab's memory.
const api = getApi(() => {
  void store.getState().loadInfo();
  void store.getState().loadSale();
});
const store = createTillStore(api);
startBridge(api, store);
void store.getState().loadInfo();
void store.getState().loadSale(); // the host keeps the cart across restarts
void store.getState().loadCases(); // the header's count of unresolved cases

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
