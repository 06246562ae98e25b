package db.migration;

import java.sql.Statement;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * {@code reward_order.recipient_key}: the recipient's address in lower case, computed by the database
 * from {@code recipient_email} on every insert and update (so no writer, the application's or a
 * seeding script's, can leave it out), and indexed with the department and time. The spending policy's
 * per-recipient maximum sums one recipient's rewards of the period through it, instead of reading
 * every reward of the department's period. PostgreSQL stores a generated column; H2 computes it and
 * indexes the value: the two spell the column differently, so the datasource's kind chooses.
 */
public class V98__RewardOrderRecipientKey extends BaseJavaMigration {

    @Override
    public void migrate(Context context) throws Exception {
        String generated = "postgresql".equals(V32__AuditChainAtCommit.dbKind(context))
                ? "generated always as (lower(recipient_email)) stored"
                : "generated always as (lower(recipient_email))";
        try (Statement s = context.getConnection().createStatement()) {
            s.execute("alter table reward_order add column recipient_key varchar(255) " + generated);
            s.execute("create index reward_order_recipient_ix on reward_order (department_id, recipient_key, created_at)");
        }
    }
}
