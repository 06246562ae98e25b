package dev.accolade.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.OptionalLong;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class DollarsTest {

    @ParameterizedTest
    @CsvSource({ "25, 2500", "25.5, 2550", "25.50, 2550", "$25.50, 2550", "'$ 25', 2500", "' 7 ', 700", "25., 2500",
            ".5, 50", "0, 0", "'1,250', 125000", "'1,250.00', 125000", "'$12,345,678.90', 1234567890", "0.01, 1" })
    void amountsAsPeopleTypeThem(String typed, long cents) {
        assertEquals(OptionalLong.of(cents), Dollars.parse(typed));
    }

    @ParameterizedTest
    @ValueSource(strings = { "12,50", "5,00", "12,5", "1,25", "1,2345", ",5", "1,,000", "1.005", "-5", "abc", "1e3", "",
            " ", "12.50.1", "1 000", "100000000000", "99999999999999999999",
            "99999999999999999999.99", "9,999,999,999,999,999,999", "-99999999999999999999" })
    void anythingElseIsNotAnAmount(String typed) {
        assertEquals(OptionalLong.empty(), Dollars.parse(typed));
    }

    @ParameterizedTest
    @ValueSource(strings = { "12,50", "5,00", "12,5", "$1,25", "1,2345.5" })
    void aDecimalCommaIsRecognised(String typed) {
        assertTrue(Dollars.hasDecimalComma(typed), typed);
    }

    @ParameterizedTest
    @ValueSource(strings = { "1,250", "12.50", "abc", "", "-5" })
    void aThousandsSeparatorIsNotADecimalComma(String typed) {
        assertFalse(Dollars.hasDecimalComma(typed), typed);
    }

    @ParameterizedTest
    @ValueSource(strings = { "-5", "- 5", "-$5.00", "-0.5" })
    void negativeAmountsAreRecognised(String typed) {
        assertTrue(Dollars.isNegative(typed), typed);
        assertEquals(OptionalLong.empty(), Dollars.parse(typed));
    }
}
