package dev.accolade.storefront.catalog;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

import dev.accolade.raas.client.Catalog;

/**
 * The catalog shared by every replica: one row of {@code catalog_snapshot} holding the catalog as
 * JSON, when it was read from RaaS, and the problem of the latest refresh if it failed. The refresh
 * runs on one replica per trigger; the others read the row.
 */
@ApplicationScoped
class CatalogStore {

    /** What the row says, without the catalog itself (cheap to read often). */
    record Version(Instant fetchedAt, String problem) {
    }

    private static final ObjectMapper JSON = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private final DataSource db;

    CatalogStore(DataSource db) {
        this.db = db;
    }

    Optional<Version> version() {
        try (Connection c = db.getConnection();
                PreparedStatement s = c.prepareStatement("select fetched_at, problem from catalog_snapshot where id = 1");
                ResultSet r = s.executeQuery()) {
            return r.next() ? Optional.of(new Version(instant(r), r.getString(2))) : Optional.empty();
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read the catalog snapshot", e);
        }
    }

    /** The stored catalog with its version; empty when no refresh ever succeeded. */
    Optional<CatalogCache.Snapshot> load() {
        try (Connection c = db.getConnection();
                PreparedStatement s = c.prepareStatement(
                        "select fetched_at, problem, body from catalog_snapshot where id = 1");
                ResultSet r = s.executeQuery()) {
            if (!r.next()) {
                return Optional.empty();
            }
            Catalog catalog = JSON.readValue(r.getString(3), Catalog.class);
            String problem = r.getString(2);
            return Optional.of(new CatalogCache.Snapshot(catalog, instant(r), problem != null, problem));
        } catch (SQLException | java.io.IOException e) {
            throw new IllegalStateException("Cannot read the catalog snapshot", e);
        }
    }

    /** Stores a freshly read catalog, clearing any problem. */
    void save(Catalog catalog, Instant fetchedAt) {
        String body;
        try {
            body = JSON.writeValueAsString(catalog);
        } catch (java.io.IOException e) {
            throw new IllegalStateException("Cannot write the catalog as JSON", e);
        }
        OffsetDateTime at = fetchedAt.atOffset(ZoneOffset.UTC);
        try (Connection c = db.getConnection()) {
            if (update(c, body, at) == 0) {
                try (PreparedStatement s = c.prepareStatement(
                        "insert into catalog_snapshot (id, body, fetched_at) values (1, ?, ?)")) {
                    s.setString(1, body);
                    s.setObject(2, at);
                    s.executeUpdate();
                } catch (SQLException raced) {
                    // Another replica inserted the row meanwhile: overwrite it with ours.
                    if (update(c, body, at) == 0) {
                        throw raced;
                    }
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot store the catalog snapshot", e);
        }
    }

    /** Records that the latest refresh failed; the stored catalog stays (served as stale). */
    void problem(String problem, Instant at) {
        try (Connection c = db.getConnection();
                PreparedStatement s = c.prepareStatement(
                        "update catalog_snapshot set problem = ?, problem_at = ? where id = 1")) {
            s.setString(1, problem.length() <= 500 ? problem : problem.substring(0, 500));
            s.setObject(2, at.atOffset(ZoneOffset.UTC));
            s.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot record the catalog refresh problem", e);
        }
    }

    private static int update(Connection c, String body, OffsetDateTime at) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(
                "update catalog_snapshot set body = ?, fetched_at = ?, problem = null, problem_at = null where id = 1")) {
            s.setString(1, body);
            s.setObject(2, at);
            return s.executeUpdate();
        }
    }

    private static Instant instant(ResultSet r) throws SQLException {
        return r.getObject(1, OffsetDateTime.class).toInstant();
    }
}
