import { Client } from "pg";

/**
 * Runs one statement on the PostgreSQL server of `connectionString`, outside the process's own
 * pool: for tests that make (and drop) a database of their own beside the shared test database.
 */
export async function onDatabaseServer(connectionString: string, statement: string) {
  const client = new Client({ connectionString });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}
