import { sql, type Kysely } from 'kysely';

// Administrative units after the 1 July 2025 reform: provinces (tỉnh, thành phố) and
// commune-level units (phường, xã, đặc khu). Boundaries are optional: a province's own
// installation loads them for its units; the rest of the country is names and codes only.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('admin_province')
    .addColumn('code', 'text', (c) => c.primaryKey().check(sql`code ~ '^[0-9]{2}$'`))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('name_en', 'text', (c) => c.notNull())
    .addColumn('full_name', 'text', (c) => c.notNull())
    .addColumn('full_name_en', 'text', (c) => c.notNull())
    .addColumn('code_name', 'text', (c) => c.notNull())
    // city = thành phố trực thuộc trung ương, province = tỉnh.
    .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind IN ('city','province')`))
    .addColumn('boundary', sql`geometry(MultiPolygon,4326)`)
    .addColumn('area_km2', 'double precision')
    .execute();

  await db.schema
    .createTable('admin_commune')
    .addColumn('code', 'text', (c) => c.primaryKey().check(sql`code ~ '^[0-9]{5}$'`))
    .addColumn('province_code', 'text', (c) => c.notNull().references('admin_province.code'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('name_en', 'text', (c) => c.notNull())
    .addColumn('full_name', 'text', (c) => c.notNull())
    .addColumn('full_name_en', 'text', (c) => c.notNull())
    .addColumn('code_name', 'text', (c) => c.notNull())
    // ward = phường, commune = xã, special_zone = đặc khu.
    .addColumn('kind', 'text', (c) =>
      c.notNull().check(sql`kind IN ('ward','commune','special_zone')`),
    )
    // Lower-case, without diacritics, so "ha long", "Hạ Long" and "HẠ LONG" match alike.
    // unaccent first: lower() of a non-ASCII letter depends on the collation.
    .addColumn('search_text', 'text', (c) =>
      c
        .notNull()
        .generatedAlwaysAs(
          sql`lower(immutable_unaccent(full_name || ' ' || name_en || ' ' || full_name_en))`,
        )
        .stored(),
    )
    .addColumn('boundary', sql`geometry(MultiPolygon,4326)`)
    .addColumn('area_km2', 'double precision')
    .execute();

  await db.schema
    .createIndex('admin_commune_province_code')
    .on('admin_commune')
    .column('province_code')
    .execute();
  await sql`CREATE INDEX admin_commune_boundary ON admin_commune USING gist (boundary)`.execute(db);
  await sql`CREATE INDEX admin_commune_search ON admin_commune USING gin (search_text gin_trgm_ops)`.execute(
    db,
  );
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('admin_commune').execute();
  await db.schema.dropTable('admin_province').execute();
}
