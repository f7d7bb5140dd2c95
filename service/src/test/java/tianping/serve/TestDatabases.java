package tianping.serve;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/** Databases for the store's tests: each test gets a fresh one on its class's server, so no test sees another's records. */
final class TestDatabases {

    private TestDatabases() {
    }

    /** Creates database {@code name} on {@code pg}; its JDBC URL. */
    static String create(EmbeddedPostgres pg, String name) throws SQLException {
        try (Connection c = pg.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + name);
        }
        return pg.getJdbcUrl("postgres", name);
    }
}
