import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { en } from './en';
import { enRecovery } from './en-recovery';
import { enSelling } from './en-selling';
import { enSetup } from './en-setup';
import { zh } from './zh';
import { zhRecovery } from './zh-recovery';
import { zhSelling } from './zh-selling';
import { zhSetup } from './zh-setup';

/** Chinese by default; English is one key away for trainers and technicians. */
export function initI18n(lng: 'zh' | 'en' = 'zh') {
  void i18next.use(initReactI18next).init({
    lng,
    fallbackLng: 'zh',
    // Each feature keeps its texts in its own file; they are merged here.
    resources: {
      zh: { translation: { ...zh, ...zhSetup, ...zhRecovery, ...zhSelling } },
      en: { translation: { ...en, ...enSetup, ...enRecovery, ...enSelling } },
    },
    interpolation: { escapeValue: false }, // React escapes
    initAsync: false,
    showSupportNotice: false,
  });
  return i18next;
}
