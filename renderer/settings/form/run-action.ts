import { notifyError, notifySuccess } from '../../notify/notify';

/**
 * A one-click action (archive, delete, reactivate): the backend's refusal is already French
 * and says what to do, so it is shown as is. Resolves to whether it worked.
 */
export async function runAction(action: () => Promise<unknown>, success: string, failureTitle: string): Promise<boolean> {
  try {
    await action();
    notifySuccess(success);
    return true;
  } catch (error) {
    notifyError(error, failureTitle);
    return false;
  }
}
