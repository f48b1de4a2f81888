import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorBanner } from './components/ErrorBanner';
import { HeaderBar } from './components/HeaderBar';
import { CashScreen } from './screens/CashScreen';
import { CheckoutScreen } from './screens/CheckoutScreen';
import { DoneScreen } from './screens/DoneScreen';
import { SetupScreen } from './screens/SetupScreen';
import { ProductsScreen } from './screens/ProductsScreen';
import { StatusScreen } from './screens/StatusScreen';
import { SupervisorScreen } from './screens/SupervisorScreen';
import { TechnicianScreen } from './screens/TechnicianScreen';
import { WalletScreen } from './screens/WalletScreen';
import { useTill } from './state/react';
import type { Screen } from './state/types';

const SCREENS: Record<Screen, () => React.JSX.Element> = {
  checkout: CheckoutScreen,
  wallet: WalletScreen,
  status: StatusScreen,
  cash: CashScreen,
  done: DoneScreen,
  supervisor: SupervisorScreen,
  technician: TechnicianScreen,
  setup: SetupScreen,
  products: ProductsScreen,
};

export function App() {
  const screen = useTill((s) => s.screen);
  const lang = useTill((s) => s.lang);
  const { i18n } = useTranslation();
  useEffect(() => {
    void i18n.changeLanguage(lang);
    document.documentElement.lang = lang === 'zh' ? 'zh-CN' : 'en';
  }, [i18n, lang]);
  const Current = SCREENS[screen];
  return (
    <div className="app" data-screen={screen}>
      <HeaderBar />
      <ErrorBanner />
      <Current key={screen} />
    </div>
  );
}
