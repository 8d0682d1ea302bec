import { useHotkeys } from '@mantine/hooks';
import { useAppState } from '../state/app-store';
import { SCREENS } from './screens';

/** Shown in the help window; the single list of what the keyboard does. */
export const SHORTCUTS: readonly { keys: string[]; what: string }[] = [
  { keys: ['Ctrl', 'S'], what: 'Enregistrer le formulaire affiché' },
  ...SCREENS.map((screen) => ({ keys: ['Alt', screen.digit], what: `Aller à « ${screen.label} »` })),
  { keys: ['F1'], what: 'Ouvrir cette aide' },
  { keys: ['Échap'], what: 'Fermer une fenêtre ou un message' },
];

/**
 * App-wide keys. Alt+digit uses the physical key so it works on French AZERTY keyboards,
 * where the digit row gives `&é"'…` without Shift. Active in text fields too: these
 * combinations type nothing there.
 */
export function useAppShortcuts(): void {
  const navigate = useAppState((s) => s.navigate);
  const setHelpOpen = useAppState((s) => s.setHelpOpen);
  useHotkeys(
    [
      ...SCREENS.map(
        (screen) => [`alt+Digit${screen.digit}`, () => navigate(screen.id), { usePhysicalKeys: true }] as [string, () => void, { usePhysicalKeys: boolean }],
      ),
      ['F1', () => setHelpOpen(true)],
    ],
    [],
  );
}
