package dev.accolade.raas.sandbox;

import static dev.accolade.raas.sandbox.Raas.APPROVED_CARD;
import static dev.accolade.raas.sandbox.Raas.FUTURE_MM_YY;
import static dev.accolade.raas.sandbox.Raas.FUTURE_YYYY_MM;
import static dev.accolade.raas.sandbox.Raas.raas;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.emptyOrNullString;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.regex.Pattern;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.jboss.logmanager.ExtLogRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.quarkus.test.junit.QuarkusTest;

/**
 * The sandbox's card network: the test cards and their outcomes, declines that move no money, and card
 * numbers and security codes that are never stored or logged. Expired cards: {@link SandboxExpiredCardTest}.
 */
@QuarkusTest
class SandboxCardsTest {

    static final String DECLINED = "4000000000000002";
    static final String ERROR = "4000000000000119";
    static final String REVIEW = "4000000000000101";
    static final String UNKNOWN = "4242424242424242";

    @Inject
    DataSource dataSource;

    @Test
    void theApprovedTestCardFunds() {
        String id = Raas.createAccount("CompanyA");
        raas().body(Raas.fundJson("CompanyA", id, 1000, APPROVED_CARD, FUTURE_MM_YY))
                .post("/raas/v1/funds")
                .then().statusCode(200);
        assertThat(Raas.balance("CompanyA", id), equalTo(1000L));
    }

    @Test
    void theApprovedCardMayBeWrittenWithSpacesOrDashes() {
        String id = Raas.createAccount("CompanyA");
        raas().body(Raas.fundJson("CompanyA", id, 1000, "4111 1111 1111 1111", FUTURE_MM_YY))
                .post("/raas/v1/funds")
                .then().statusCode(200);
        raas().body(Raas.fundJson("CompanyA", id, 1000, "4111-1111-1111-1111", FUTURE_MM_YY))
                .post("/raas/v1/funds")
                .then().statusCode(200);
        assertThat(Raas.balance("CompanyA", id), equalTo(2000L));
    }

    @ParameterizedTest
    @CsvSource({
            DECLINED + ", CC_DECLINED",
            ERROR + ", CC_ERROR",
            REVIEW + ", CC_REVIEW",
            UNKNOWN + ", CC_UNKNOWN",
            "5555555555554444, CC_UNKNOWN" })
    void aTestCardDecidesTheDenialOfFunds(String card, String denialCode) {
        String id = Raas.createAccount("CompanyA");
        String body = raas().body(Raas.fundJson("CompanyA", id, 1000, card, FUTURE_MM_YY))
                .post("/raas/v1/funds")
                .then().statusCode(400)
                .header("X-Status-Reason", "Credit card authorization failure.")
                .contentType("application/json")
                .body("success", equalTo(false))
                .body("denial_code", equalTo(denialCode))
                .body("denial_message", not(emptyOrNullString()))
                .extract().asString();
        assertThat(body, not(containsString(card)));
        assertNoMoneyMoved(id);
    }

    @ParameterizedTest
    @CsvSource({
            DECLINED + ", CC_DECLINED",
            ERROR + ", CC_ERROR",
            REVIEW + ", CC_REVIEW",
            UNKNOWN + ", CC_UNKNOWN" })
    void aTestCardDecidesTheDenialOfARegistration(String card, String denialCode) {
        String id = Raas.createAccount("CompanyA");
        raas().body(Raas.registerJson("CompanyA", id, card, FUTURE_YYYY_MM, "123"))
                .post("/raas/v1/cc_register")
                .then().statusCode(400)
                .header("X-Status-Reason", "Credit card authorization failure.")
                .body("success", equalTo(false))
                .body("denial_code", equalTo(denialCode))
                .body("denial_message", not(emptyOrNullString()))
                .body("$", not(hasKey("cc_token")));
        assertNoMoneyMoved(id);
    }

    @Test
    void aDeclinedFundingLeavesAnEarlierBalanceAlone() {
        String id = Raas.fundedAccount("CompanyA", 5000);
        raas().body(Raas.fundJson("CompanyA", id, 1000, DECLINED, FUTURE_MM_YY))
                .post("/raas/v1/funds")
                .then().statusCode(400);
        assertThat(Raas.balance("CompanyA", id), equalTo(5000L));
        assertThat(SandboxDb.fundsOf(Raas.PLATFORM, id), equalTo(1L));
    }

    @Test
    void cardNumbersAndSecurityCodesAreNeverStoredOrLogged() throws Exception {
        String customer = Raas.uniqueCustomer();
        String id = Raas.createAccount(customer);
        String securityCode = "8642";
        String[] cards = { APPROVED_CARD, DECLINED, ERROR, REVIEW, UNKNOWN };

        List<String> logged = new CopyOnWriteArrayList<>();
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord record) {
                StringBuilder line = new StringBuilder(String.valueOf(record.getLoggerName())).append(' ');
                line.append(record instanceof ExtLogRecord ext ? ext.getFormattedMessage() : record.getMessage());
                if (record.getParameters() != null) {
                    for (Object p : record.getParameters()) {
                        line.append(' ').append(p);
                    }
                }
                if (record.getThrown() != null) {
                    StringWriter trace = new StringWriter();
                    record.getThrown().printStackTrace(new PrintWriter(trace));
                    line.append(' ').append(trace);
                }
                logged.add(line.toString());
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        capture.setLevel(Level.ALL);
        Logger root = Logger.getLogger("");
        Logger sandbox = Logger.getLogger("dev.accolade");
        Level sandboxLevel = sandbox.getLevel();
        root.addHandler(capture);
        sandbox.setLevel(Level.ALL);
        try {
            org.jboss.logging.Logger.getLogger(SandboxCardsTest.class).info("log capture is listening");
            String token = null;
            for (String card : cards) {
                raas().body(Raas.fundJson(customer, id, 1000, card, FUTURE_MM_YY, securityCode))
                        .post("/raas/v1/funds");
                String registered = raas().body(Raas.registerJson(customer, id, card, FUTURE_YYYY_MM, securityCode))
                        .post("/raas/v1/cc_register")
                        .then().extract().path("cc_token");
                token = registered != null ? registered : token;
                // an invalid entity carrying the card (wrong zip type) must not be echoed into a log either
                raas().body(Raas.fundJson(customer, id, 1000, card, FUTURE_MM_YY, securityCode)
                        .replace("\"zip\": \"11111\"", "\"zip\": 11111")).post("/raas/v1/funds");
            }
            // the approved card again: refused as registered already, with the card in the request
            raas().body(Raas.registerJson(customer, id, APPROVED_CARD, FUTURE_YYYY_MM, securityCode))
                    .post("/raas/v1/cc_register")
                    .then().statusCode(400);
            raas().body(Raas.ccFundJson(customer, id, 2000, token, securityCode))
                    .post("/raas/v1/cc_fund")
                    .then().statusCode(200);
        } finally {
            root.removeHandler(capture);
            sandbox.setLevel(sandboxLevel);
        }
        assertThat("the flows ran", Raas.balance(customer, id), equalTo(3000L));
        assertThat("the log is captured", logged.stream().anyMatch(l -> l.contains("log capture is listening")),
                equalTo(true));

        Pattern code = Pattern.compile("(?<![0-9])" + securityCode + "(?![0-9])");
        List<String> leaks = new ArrayList<>();
        for (String line : logged) {
            for (String card : cards) {
                if (line.contains(card)) {
                    leaks.add("log: card number in " + line);
                }
            }
            if (code.matcher(line).find()) {
                leaks.add("log: security code in " + line);
            }
        }
        try (Connection connection = dataSource.getConnection()) {
            for (String table : tables(connection)) {
                try (Statement statement = connection.createStatement();
                        ResultSet rows = statement.executeQuery("select * from " + table)) {
                    ResultSetMetaData columns = rows.getMetaData();
                    while (rows.next()) {
                        for (int c = 1; c <= columns.getColumnCount(); c++) {
                            String value = rows.getString(c);
                            if (value == null) {
                                continue;
                            }
                            for (String card : cards) {
                                if (value.replaceAll("[\\s-]", "").contains(card)) {
                                    leaks.add("table " + table + "." + columns.getColumnName(c) + ": card number");
                                }
                            }
                            if (value.equals(securityCode) || value.contains("security_code")) {
                                leaks.add("table " + table + "." + columns.getColumnName(c) + ": security code");
                            }
                        }
                    }
                }
            }
        }
        assertThat(leaks, empty());
    }

    /** Every ordinary table of the application's schema, the sandbox's and any other. */
    private static List<String> tables(Connection connection) throws SQLException {
        List<String> tables = new ArrayList<>();
        DatabaseMetaData meta = connection.getMetaData();
        try (ResultSet rs = meta.getTables(null, connection.getSchema(), "%",
                new String[] { "TABLE", "BASE TABLE" })) {
            while (rs.next()) {
                tables.add(rs.getString("TABLE_NAME"));
            }
        }
        assertThat("the schema's tables are found", tables.stream().anyMatch(t -> t.equalsIgnoreCase("sandbox_fund")),
                equalTo(true));
        return tables;
    }

    private static void assertNoMoneyMoved(String id) {
        assertThat(Raas.balance("CompanyA", id), equalTo(0L));
        assertThat(SandboxDb.fundsOf(Raas.PLATFORM, id), equalTo(0L));
    }
}
