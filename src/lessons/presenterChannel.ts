/**
 * The projector and the notes window talk over a BroadcastChannel: the projector says where it
 * is; the notes window asks it to move, to black the screen or to reveal the answers.
 */
export const CHANNEL = 'mf-lab-presenter';

export type PresenterMessage =
  | { type: 'at'; slug: string; step: number; black: boolean }
  | { type: 'go'; direction: 'next' | 'prev' }
  | { type: 'black' }
  | { type: 'reveal' }
  | { type: 'hello' };

export function openChannel(): BroadcastChannel | null {
  return typeof BroadcastChannel === 'undefined' ? null : new BroadcastChannel(CHANNEL);
}

export function post(channel: BroadcastChannel | null, message: PresenterMessage): void {
  channel?.postMessage(message);
}
