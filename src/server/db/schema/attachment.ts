import { sql } from 'drizzle-orm';
import { check, customType, index, integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { idColumn } from './columns.js';
import { person } from './identity.js';

const bytea = customType<{ data: Buffer; driverData: Buffer | Uint8Array }>({
  dataType: () => 'bytea',
  fromDriver: (value) => (Buffer.isBuffer(value) ? value : Buffer.from(value)),
});

/**
 * An uploaded file (data-model.md, shared core): kept in the database up to a size limit so a backup
 * is whole. Immutable: a new upload is a new row. `resource_type`/`resource_id` name the record it
 * belongs to (an engagement declaration, a meeting, …), so the owning module's policy decides who
 * may read it.
 */
export const attachment = pgTable(
  'attachment',
  {
    id: idColumn(),
    resourceType: text('resource_type').notNull(),
    resourceId: uuid('resource_id'),
    fileName: text('file_name').notNull(),
    mediaType: text('media_type').notNull(),
    sizeBytes: integer('size_bytes').notNull(),
    sha256: text('sha256').notNull(),
    content: bytea('content').notNull(),
    uploadedBy: uuid('uploaded_by').references(() => person.id),
    uploadedAt: timestamp('uploaded_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('attachment_resource_idx').on(t.resourceType, t.resourceId),
    check('attachment_size_valid', sql`${t.sizeBytes} >= 0 and ${t.sizeBytes} <= 10485760`),
    check('attachment_sha256_format', sql`${t.sha256} ~ '^[0-9a-f]{64}$'`),
  ],
);
