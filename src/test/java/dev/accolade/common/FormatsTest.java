package dev.accolade.common;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.text.NumberFormat;
import java.util.Locale;

import org.junit.jupiter.api.Test;

class FormatsTest {

    @Test
    void dollarsReadAsUsCurrency() {
        assertEquals("$0.00", Formats.dollars(0));
        assertEquals("$0.05", Formats.dollars(5));
        assertEquals("$12.50", Formats.dollars(1250));
        assertEquals("$1,000.00", Formats.dollars(100000));
        assertEquals("$123,456,789.01", Formats.dollars(12345678901L));
        assertEquals("-$7.09", Formats.dollars(-709));
    }

    @Test
    void countsTakeTheirNounInTheSingularOnlyForOne() {
        assertEquals("1 change", Formats.counted(1, "change"));
        assertEquals("0 changes", Formats.counted(0, "change"));
        assertEquals("2 rows", Formats.counted(2, "row"));
        assertEquals("3 boxes", Formats.counted(3, "box"));
        assertEquals("1 discrepancy", Formats.counted(1, "discrepancy", "discrepancies"));
        assertEquals("12 discrepancies", Formats.counted(12, "discrepancy", "discrepancies"));
    }

    @Test
    void dollarsAgreeWithTheJdkCurrencyFormatExactly() {
        NumberFormat jdk = NumberFormat.getCurrencyInstance(Locale.US);
        long[] samples = { 1, 99, 100, 101, 999_99, 1_000_00, 99_999_99, 100_000_00, 123_456_78, -1, -100_000_00,
                Long.MAX_VALUE / 1000 };
        for (long cents : samples) {
            assertEquals(jdk.format(BigDecimal.valueOf(cents, 2)), Formats.dollars(cents), "cents " + cents);
        }
    }
}
