import { integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';

/**
 * The control plane: which municipalities exist. It never holds personal data of residents or
 * staff; each tenant's data lives in its own database.
 */
export const tenants = sqliteTable('tenants', {
  id: text('id').primaryKey(),
  /** URL name, e.g. `midori` in /t/midori/…; also names the tenant's database. */
  slug: text('slug').notNull().unique(),
  name: text('name').notNull(),
  /** 全国地方公共団体コード: 6 digits, the last a check digit. */
  localGovernmentCode: text('local_government_code').notNull().unique(),
  status: text('status', { enum: ['active', 'suspended'] })
    .notNull()
    .default('active'),
  createdAt: integer('created_at').notNull(),
  suspendedAt: integer('suspended_at'),
});

/** Form definitions municipalities share with each other: definitions only, never answers. */
export const templateCatalog = sqliteTable('template_catalog', {
  id: text('id').primaryKey(),
  title: text('title').notNull(),
  category: text('category').notNull(),
  definition: text('definition', { mode: 'json' }).$type<unknown>().notNull(),
  /** Which municipality shared it (its name, for attribution). */
  sharedBy: text('shared_by').notNull(),
  sharedAt: integer('shared_at').notNull(),
});
