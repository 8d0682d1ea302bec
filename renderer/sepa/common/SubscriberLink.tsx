import { Anchor } from '@mantine/core';
import { useAppState } from '../../state/app-store';

/** A subscriber's name that opens their page (Adhérents), from any list of this screen. */
export function SubscriberLink({ subscriberId, name }: { subscriberId: number; name: string }) {
  const openSubscriber = useAppState((s) => s.openSubscriber);
  return (
    <Anchor component="button" type="button" size="sm" c="dark" td="underline" ta="left" style={{ whiteSpace: 'nowrap' }} onClick={() => openSubscriber(subscriberId)}>
      {name}
    </Anchor>
  );
}
