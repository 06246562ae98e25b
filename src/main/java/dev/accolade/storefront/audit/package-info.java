/**
 * The tamper-evident audit trail and who acts. Persistence: a row is appended with plain JDBC on the
 * connection of the transaction's {@code StatelessSession} (every send, sign-in and administrative
 * change appends one, in its own transaction; the head row's lock orders them), and linked into the
 * hash chain by the application (H2) or at commit by the database's trigger (PostgreSQL, installed by
 * {@code V32__AuditChainAtCommit}), chosen by configuration: the datasource's kind. Reading and
 * verifying the chain uses the Panache entities.
 */
package dev.accolade.storefront.audit;
