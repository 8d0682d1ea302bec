import { notifications } from '@mantine/notifications';
import { AppError, InternalError } from '../../core/api/errors';

/**
 * Errors from the backend are already French and say what to do; anything else is generic.
 * `id` ties an error to an action, so the action's later success can take the error away.
 */
export function notifyError(error: unknown, title = 'Impossible de continuer', id?: string): void {
  const message = error instanceof AppError ? error.message : new InternalError().message;
  if (id) notifications.hide(id);
  notifications.show({ id, color: 'red', title, message, autoClose: 10_000, withBorder: true });
}

export function notifySuccess(message: string, id?: string): void {
  if (id) notifications.hide(id); // the failed attempt's message is now out of date
  notifications.show({ color: 'leaf', message, autoClose: 4_000, withBorder: true });
}
