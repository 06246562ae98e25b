package dev.accolade.common;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every text a spreadsheet could run as a formula is written with a leading apostrophe. */
class CsvFormulaGuardTest {

    @ParameterizedTest
    @ValueSource(strings = { "=1+2", "+1", "-1", "@SUM(A1)", "\t=1", "\r=1", "\u0000=HYPERLINK(\"http://evil\")",
            "\u0000x", "\u001b[31m", "\u00a0=1", " =1", "\u3000=1", "\ufeff=1", "\u200b=1", "\uff1d1+2", "\uff0b1",
            "\uff0d1", "\uff20SUM(A1)", "\u00a0\uff1d1", "\ufe661", "\u22121" })
    void formulasAreNeutralised(String cell) {
        assertEquals("'" + cell, Csv.text(cell));
    }

    @ParameterizedTest
    @ValueSource(strings = { "Ada Lovelace", "Amazon.com", "1+1", "a=b", "Zoë", " Ada", "50%", "" })
    void otherTextIsLeftAsItIs(String cell) {
        assertEquals(cell, Csv.text(cell));
    }
}
