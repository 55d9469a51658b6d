import { AppError } from '../http/errors';
import type { AdminContext } from './context';
import { findSettings, type SettingsRow, saveSettings } from './repo';
import type { SettingsInput } from './schemas';

/** The municipality's settings as the admin API shows them. */
export type SettingsView = Omit<SettingsRow, 'id'>;

function toView(row: SettingsRow): SettingsView {
  return {
    mailFrom: row.mailFrom,
    mailReplyTo: row.mailReplyTo,
    notificationDefaults: row.notificationDefaults,
    updatedAt: row.updatedAt,
  };
}

/** The municipality's settings; every tenant gets its row when it is created. */
export async function getSettings(ctx: AdminContext): Promise<SettingsView> {
  const row = await findSettings(ctx.db);
  if (!row) throw new AppError('not_found');
  return toView(row);
}

/** Replaces the municipality's settings. */
export async function updateSettings(
  ctx: AdminContext,
  input: SettingsInput,
): Promise<SettingsView> {
  const row = await saveSettings(ctx.db, { ...input, updatedAt: ctx.now });
  // An upsert with RETURNING always answers its row; anything else is a fault of ours.
  if (!row) throw new AppError('internal');
  return toView(row);
}
