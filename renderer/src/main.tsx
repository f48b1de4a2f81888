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
  // After the host restarted under this tab: the host's mode and cart, never the tab's memory.
  const api = getApi(() => {
    void store.getState().loadInfo();
    void store.getState().loadSale();
  });
  const store = createTillStore(api);
  startBridge(api, store);
  void store.getState().loadInfo();
  void store.getState().loadSale(); // the host keeps the cart across restarts
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
