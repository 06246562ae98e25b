package dev.accolade.storefront.accounts;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.regex.Pattern;

import javax.sql.DataSource;

/**
 * Looks for secrets where they must never be: in the application's log output (a handler on the
 * root logger, with Accolade's and the REST layers' loggers opened to DEBUG while it listens) and in
 * every column of every table of the database.
 */
final class SecretScan {

    /** Captures every log record the application writes while installed. */
    static final class LogCapture extends Handler implements AutoCloseable {
        private static final List<String> OPENED = List.of("dev.accolade", "io.quarkus.rest", "org.jboss.resteasy.reactive",
                "io.quarkus.restclient", "io.smallrye.faulttolerance");
        final ConcurrentLinkedQueue<String> lines = new ConcurrentLinkedQueue<>();
        private final List<Level> previous = new ArrayList<>();

        LogCapture() {
            setLevel(Level.ALL);
            Logger.getLogger("").addHandler(this);
            for (String name : OPENED) {
                Logger l = Logger.getLogger(name);
                previous.add(l.getLevel());
                l.setLevel(Level.FINE);
            }
        }

        @Override
        public void publish(LogRecord record) {
            StringBuilder line = new StringBuilder(record.getLoggerName() + " " + record.getMessage());
            if (record.getParameters() != null) {
                for (Object p : record.getParameters()) {
                    line.append(" | ").append(p);
                }
            }
            if (record.getThrown() != null) {
                StringWriter trace = new StringWriter();
                record.getThrown().printStackTrace(new PrintWriter(trace));
                line.append(" | ").append(trace);
            }
            lines.add(line.toString());
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
            Logger.getLogger("").removeHandler(this);
            for (int i = 0; i < OPENED.size(); i++) {
                Logger.getLogger(OPENED.get(i)).setLevel(previous.get(i));
            }
        }
    }

    private SecretScan() {
    }

    /** A UUID: the one-time form and request tokens that pages, log lines and rows are full of. */
    private static final Pattern UUID = Pattern.compile(
            "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    /**
     * Whether any secret is in the text, UUIDs aside. A four-digit security code is also a possible
     * group of a random UUID, and the third group of every version-4 UUID starts with a 4: a code such
     * as 4826 is that group in 1 UUID in 4,096, so a scan of pages full of form tokens found it by
     * chance now and then. A card number or security code never appears as a UUID's group, so leaving
     * UUIDs out hides no leak.
     */
    static boolean contains(List<Pattern> secrets, String text) {
        String rest = UUID.matcher(text).replaceAll("<uuid>");
        return secrets.stream().anyMatch(p -> p.matcher(rest).find());
    }

    /** The secret as a whole token: not part of a longer run of letters or digits (a hash, a number). */
    static Pattern token(String secret) {
        return Pattern.compile("(?<![0-9A-Za-z])" + Pattern.quote(secret) + "(?![0-9A-Za-z])");
    }

    /** Every value of every column of every table in the application's schema that matches, as "table.column: value". */
    static List<String> database(DataSource ds, List<Pattern> secrets) throws Exception {
        List<String> hits = new ArrayList<>();
        int tables = 0;
        try (Connection c = ds.getConnection()) {
            DatabaseMetaData meta = c.getMetaData();
            String schema = c.getSchema();
            List<String> names = new ArrayList<>();
            try (ResultSet rs = meta.getTables(null, schema, "%", new String[] { "TABLE" })) {
                while (rs.next()) {
                    names.add(rs.getString("TABLE_NAME"));
                }
            }
            for (String table : names) {
                tables++;
                try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("select * from " + table)) {
                    ResultSetMetaData cols = rs.getMetaData();
                    while (rs.next()) {
                        for (int i = 1; i <= cols.getColumnCount(); i++) {
                            String value = rs.getString(i);
                            if (value != null && contains(secrets, value)) {
                                hits.add(table + "." + cols.getColumnName(i) + ": " + value);
                            }
                        }
                    }
                }
            }
        }
        if (tables < 10) {
            throw new AssertionError("Only " + tables + " tables found: the scan did not see the schema");
        }
        return hits;
    }
}
