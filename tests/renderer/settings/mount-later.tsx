import { useState, type ReactNode } from 'react';

/**
 * Screens read the backend when they mount; a test that seeds the in-memory backend first
 * (after `renderWithBackend` made it) mounts the screen afterwards with this button.
 */
export function MountLater({ children }: { children: ReactNode }) {
  const [shown, setShown] = useState(false);
  return shown ? <>{children}</> : <button onClick={() => setShown(true)}>Afficher l’écran</button>;
}
