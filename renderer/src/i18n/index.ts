import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { en } from './en';
import { enSetup } from './en-setup';
import { zh } from './zh';
import { zhSetup } from './zh-setup';

/** Chinese by default; English is one key away for trainers and technicians. */
export function initI18n(lng: 'zh' | 'en' = 'zh') {
  void i18next.use(initReactI18next).init({
    lng,
    fallbackLng: 'zh',
    resources: {
      zh: { translation: { ...zh, ...zhSetup } },
      en: { translation: { ...en, ...enSetup } },
    },
    interpolation: { escapeValue: false }, // React escapes
    initAsync: false,
    showSupportNotice: false,
  });
  return i18next;
}
