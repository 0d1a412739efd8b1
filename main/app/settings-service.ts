import type { Settings, SettingsPatch } from '#shared/domain/settings';
import type { Db } from '../store/db-types';
import { SettingsRepo } from '../store/settings-repo';
import type { EventBus } from './event-bus';

export class SettingsService {
  private readonly repo: SettingsRepo;

  constructor(
    db: Db,
    private readonly events: EventBus,
  ) {
    this.repo = new SettingsRepo(db);
  }

  get(): Settings {
    return this.repo.get();
  }

  update(patch: SettingsPatch): Settings {
    const next = this.repo.update(patch);
    this.events.emit('settings.changed', next);
    return next;
  }
}
