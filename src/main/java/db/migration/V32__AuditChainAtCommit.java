package db.migration;

import java.sql.Statement;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * PostgreSQL only: chains each audit row while its transaction commits, in a deferred constraint
 * trigger, so the audit trail's head row is locked from the commit to its end and never across a
 * round trip to the application. The trigger computes the same SHA-256 as
 * {@code dev.accolade.storefront.audit.AuditTrail#hash}: the row's number, then each field after a
 * U+001F (the time as {@code yyyy-MM-ddTHH:mm:ssZ} in UTC, U+0000 for a missing field), then U+001F
 * and the previous row's hash, as UTF-8. H2 has no such trigger; there the application chains rows.
 * <p>
 * Which database this is comes from configuration, the Flyway placeholder {@value #DB_KIND} that
 * application.properties sets to {@code quarkus.datasource.db-kind}, the key the audit trail reads to
 * know who chains its rows; the version and description stay, so databases migrated before keep a
 * valid history.
 */
public class V32__AuditChainAtCommit extends BaseJavaMigration {

    private static final String FUNCTION = """
            create function audit_event_chain() returns trigger language plpgsql as $$
            declare
                sep constant bytea := '\\x1f'::bytea;
                missing constant bytea := '\\x00'::bytea;
                row_id bigint;
                row_prev varchar(64);
                row_hash varchar(64);
            begin
                update audit_head
                   set last_id = last_id + 1,
                       prev_hash = last_hash,
                       last_hash = encode(sha256(
                           convert_to((last_id + 1)::text, 'UTF8')
                           || sep || convert_to(to_char(new.occurred_at at time zone 'UTC',
                                                        'YYYY-MM-DD"T"HH24:MI:SS"Z"'), 'UTF8')
                           || sep || coalesce(convert_to(new.actor, 'UTF8'), missing)
                           || sep || coalesce(convert_to(new.action, 'UTF8'), missing)
                           || sep || coalesce(convert_to(new.target, 'UTF8'), missing)
                           || sep || coalesce(convert_to(new.outcome, 'UTF8'), missing)
                           || sep || coalesce(convert_to(new.detail, 'UTF8'), missing)
                           || sep || coalesce(convert_to(new.ip, 'UTF8'), missing)
                           || sep || convert_to(last_hash, 'UTF8')), 'hex')
                 where id = 1
                returning last_id, prev_hash, last_hash into row_id, row_prev, row_hash;
                if row_id is null then
                    raise exception 'audit_head has no row: the audit trail''s schema is incomplete';
                end if;
                update audit_event set id = row_id, prev_hash = row_prev, hash = row_hash where id = new.id;
                return null;
            end
            $$""";

    private static final String TRIGGER = """
            create constraint trigger audit_event_chain after insert on audit_event
                deferrable initially deferred
                for each row when (new.id < 0) execute function audit_event_chain()""";

    /** The Flyway placeholder that names the datasource's kind ({@code quarkus.datasource.db-kind}). */
    static final String DB_KIND = "db-kind";

    /** The datasource's kind, as the Flyway placeholder names it; refuses to guess when it is not set. */
    static String dbKind(Context context) {
        String dbKind = context.getConfiguration().getPlaceholders().get(DB_KIND);
        if (dbKind == null) {
            throw new IllegalStateException("The Flyway placeholder " + DB_KIND + " is not set: set "
                    + "quarkus.flyway.placeholders." + DB_KIND + "=${quarkus.datasource.db-kind}");
        }
        return dbKind;
    }

    @Override
    public void migrate(Context context) throws Exception {
        if (!"postgresql".equals(dbKind(context))) {
            return;
        }
        try (Statement statement = context.getConnection().createStatement()) {
            statement.execute(FUNCTION);
            statement.execute(TRIGGER);
        }
    }
}
