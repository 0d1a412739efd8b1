import { describe, expect, it } from 'vitest';
import { COMMANDS } from '#main/cli/commands';

describe('the levdesk command list', () => {
  it.each(COMMANDS.map((c) => [c.name, c] as const))('%s: the listed name and summary are the loaded command’s own', async (_name, entry) => {
    const command = await entry.load();
    expect(command.name).toBe(entry.name);
    expect(command.summary).toBe(entry.summary);
    expect(command.help.length).toBeGreaterThan(0);
  });

  it('lists each name once', () => {
    const names = COMMANDS.map((c) => c.name);
    expect(new Set(names).size).toBe(names.length);
  });
});
