import type { TillApi } from '../../../shared/contract';
import { CustomerDisplay } from './CustomerDisplay';
import { useDisplayState } from './useDisplayState';

/** The customer display's whole page: one read-only view of the till's sale. */
export function DisplayApp({ api }: { api: TillApi }) {
  const state = useDisplayState(api);
  return <CustomerDisplay state={state} />;
}
