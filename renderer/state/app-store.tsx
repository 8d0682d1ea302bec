import { createContext, useContext, useState, type ReactNode } from 'react';
import { createStore, useStore, type StoreApi } from 'zustand';
import type { OutputOf } from '../../core/handlers';
import type { HostState } from '../host/host';
import type { ScreenId } from '../shell/screens';

export type AppStatus = OutputOf<'app-status'>;

/** UI state only: where we are, what the host and the backend last told us. No business rule. */
interface AppState {
  screen: ScreenId;
  /** null while the host has not answered yet. */
  host: HostState | null;
  /** The header's data, refreshed after every save. */
  status: AppStatus | null;
  helpOpen: boolean;
  /** Set by the first-run screen when the person asks for it while a database is open. */
  showFirstRun: boolean;
  /** The subscriber page on screen (Adhérents), null for the list. */
  subscriberId: number | null;
  /** A day of the week shown on « Semaine »; null = the current week. Kept across screens. */
  weekDay: string | null;
  /** « Corrigé par » of delivery corrections, remembered for the session. */
  correctorName: string;
  /** The tab of Paramètres on screen (the menu « Sauvegardes… » opens `backups`). */
  settingsTab: string;
  navigate(screen: ScreenId): void;
  /** Opens a subscriber's page (from any screen); null goes back to the list. */
  openSubscriber(id: number | null): void;
  setHost(host: HostState): void;
  setStatus(status: AppStatus | null): void;
  setHelpOpen(open: boolean): void;
  setShowFirstRun(show: boolean): void;
  setWeekDay(day: string | null): void;
  setCorrectorName(name: string): void;
  setSettingsTab(tab: string): void;
}

function createAppStore(initial: Partial<Pick<AppState, 'screen' | 'host' | 'status' | 'weekDay'>>) {
  return createStore<AppState>()((set) => ({
    screen: 'dashboard',
    host: null,
    status: null,
    helpOpen: false,
    showFirstRun: false,
    subscriberId: null,
    weekDay: null,
    correctorName: '',
    settingsTab: 'organisation',
    ...initial,
    navigate: (screen) => set({ screen, showFirstRun: false, subscriberId: null }),
    openSubscriber: (subscriberId) => set({ screen: 'subscribers', showFirstRun: false, subscriberId }),
    setHost: (host) => set({ host }),
    setStatus: (status) => set({ status }),
    setHelpOpen: (helpOpen) => set({ helpOpen }),
    setShowFirstRun: (showFirstRun) => set({ showFirstRun }),
    setWeekDay: (weekDay) => set({ weekDay }),
    setCorrectorName: (correctorName) => set({ correctorName }),
    setSettingsTab: (settingsTab) => set({ settingsTab }),
  }));
}

const StoreContext = createContext<StoreApi<AppState> | null>(null);

/** One store per app instance (and per test render), not a module-wide singleton. */
export function AppStoreProvider({ initial = {}, children }: { initial?: Parameters<typeof createAppStore>[0]; children: ReactNode }) {
  const [store] = useState(() => createAppStore(initial));
  return <StoreContext.Provider value={store}>{children}</StoreContext.Provider>;
}

export function useAppState<T>(selector: (state: AppState) => T): T {
  const store = useContext(StoreContext);
  if (!store) throw new Error('AppStoreProvider missing above this component');
  return useStore(store, selector);
}
