import { useEffect } from 'react';
import { MENU_EVENT, type MenuCommand } from '../../core/bridge';
import { useAppState } from '../state/app-store';

/** Electron's menu commands arrive as a DOM event (core/bridge.ts); the web harness never sends them. */
export function useMenuCommands(): void {
  const navigate = useAppState((s) => s.navigate);
  const setHelpOpen = useAppState((s) => s.setHelpOpen);
  const setSettingsTab = useAppState((s) => s.setSettingsTab);
  useEffect(() => {
    const onCommand = (event: Event) => {
      const command = (event as CustomEvent<MenuCommand>).detail;
      if (command === 'shortcuts') setHelpOpen(true);
      if (command === 'backups') {
        navigate('settings');
        setSettingsTab('backups');
      }
    };
    window.addEventListener(MENU_EVENT, onCommand);
    return () => window.removeEventListener(MENU_EVENT, onCommand);
  }, [navigate, setHelpOpen, setSettingsTab]);
}
