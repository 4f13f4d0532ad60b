import { sql, type Kysely } from 'kysely';

// Commune boundaries cut into pieces of at most 128 vertices, for point lookup. A commune's
// boundary can hold 30,000 vertices, and testing a point against it reads and walks the
// whole polygon; a piece is found by the GiST index and tested in a few microseconds. The
// pieces cover exactly their commune, so a point intersects a piece if and only if it
// intersects the commune (borders included). A trigger keeps them in step with the
// boundaries however those are loaded.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('admin_commune_piece')
    .addColumn('commune_code', 'text', (c) =>
      c.notNull().references('admin_commune.code').onDelete('cascade'),
    )
    .addColumn('piece', sql`geometry(Geometry,4326)`, (c) => c.notNull())
    .execute();
  await sql`CREATE INDEX admin_commune_piece_piece ON admin_commune_piece USING gist (piece)`.execute(
    db,
  );
  await sql`CREATE INDEX admin_commune_piece_commune ON admin_commune_piece (commune_code)`.execute(
    db,
  );
  await sql`
    CREATE FUNCTION admin_commune_cut_pieces() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      DELETE FROM admin_commune_piece WHERE commune_code = NEW.code;
      IF NEW.boundary IS NOT NULL THEN
        INSERT INTO admin_commune_piece (commune_code, piece)
        SELECT NEW.code, ST_Subdivide(NEW.boundary, 128);
      END IF;
      RETURN NULL;
    END
    $$`.execute(db);
  await sql`
    CREATE TRIGGER admin_commune_pieces
    AFTER INSERT OR UPDATE OF boundary ON admin_commune
    FOR EACH ROW EXECUTE FUNCTION admin_commune_cut_pieces()`.execute(db);
  await sql`
    INSERT INTO admin_commune_piece (commune_code, piece)
    SELECT code, ST_Subdivide(boundary, 128) FROM admin_commune WHERE boundary IS NOT NULL
  `.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`DROP TRIGGER admin_commune_pieces ON admin_commune`.execute(db);
  await sql`DROP FUNCTION admin_commune_cut_pieces()`.execute(db);
  await db.schema.dropTable('admin_commune_piece').execute();
}
