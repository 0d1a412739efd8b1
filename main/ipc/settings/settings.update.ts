import type { Handler } from '../types';

export const settingsUpdate: Handler<'settings.update'> = (patch, s) => {
  const next = s.settings.update(patch);
  // The replay holds its pause-on choices in memory for every tick; keep it in step with the saved ones.
  if (patch.replayPauseOn) s.replay.adoptPauseOn(next.replayPauseOn);
  return next;
};
