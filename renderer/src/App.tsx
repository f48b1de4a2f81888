import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { ApprovalDialog } from './components/access/ApprovalDialog';
import { ErrorBanner } from './components/ErrorBanner';
import { HeaderBar } from './components/HeaderBar';
import { AuditScreen } from './screens/AuditScreen';
import { CashScreen } from './screens/CashScreen';
import { CasesScreen } from './screens/CasesScreen';
import { CheckoutScreen } from './screens/CheckoutScreen';
import { DoneScreen } from './screens/DoneScreen';
import { FirstSupervisorScreen } from './screens/FirstSupervisorScreen';
import { SetupScreen } from './screens/SetupScreen';
import { ShiftScreen } from './screens/ShiftScreen';
import { SignInScreen } from './screens/SignInScreen';
import { RecoveryScreen } from './screens/RecoveryScreen';
import { ProductsScreen } from './screens/ProductsScreen';
import { StatusScreen } from './screens/StatusScreen';
import { SupervisorScreen } from './screens/SupervisorScreen';
import { TechnicianScreen } from './screens/TechnicianScreen';
import { UsersScreen } from './screens/UsersScreen';
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
  shift: ShiftScreen,
  audit: AuditScreen,
  users: UsersScreen,
  setup: SetupScreen,
  recovery: RecoveryScreen,
  cases: CasesScreen,
  products: ProductsScreen,
};

export function App() {
  const screen = useTill((s) => s.screen);
  const lang = useTill((s) => s.lang);
  const session = useTill((s) => s.session);
  const shiftKnown = useTill((s) => s.shiftLoaded || s.session?.user?.role === 'technician');
  const { i18n } = useTranslation();
  useEffect(() => {
    void i18n.changeLanguage(lang);
    document.documentElement.lang = lang === 'zh' ? 'zh-CN' : 'en';
  }, [i18n, lang]);
  // Nobody signed in (or no supervisor yet on a live till): nothing but the way in.
  const gate = !session
    ? null
    : session.setupRequired
      ? 'setup'
      : !session.user
        ? 'signin'
        : shiftKnown // the first screen depends on whether a shift is open
          ? 'till'
          : null;
  const Current = SCREENS[screen];
  return (
    <div className="app" data-screen={gate === 'till' ? screen : (gate ?? 'loading')}>
      <HeaderBar />
      <ErrorBanner />
      {gate === 'setup' ? <FirstSupervisorScreen /> : null}
      {gate === 'signin' ? <SignInScreen /> : null}
      {gate === 'till' ? <Current key={screen} /> : null}
      <ApprovalDialog />
    </div>
  );
}
