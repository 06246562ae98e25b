package dev.accolade.storefront.bulk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.accolade.storefront.bulk.BulkSheet.Row;
import dev.accolade.storefront.bulk.BulkSheet.Summary;
import dev.accolade.storefront.bulk.BulkSheet.Unreadable;

class BulkSheetTest {

    @TempDir
    Path dir;

    private final List<Row> rows = new ArrayList<>();

    @Test
    void aByteOrderMarkIsSkipped() throws Exception {
        read("\uFEFFemail,name,sku\nada@example.com,Ada Lovelace,TNGO-E-V-STD\n");
        assertEquals(List.of(new Row(2, "ada@example.com", "Ada Lovelace", "TNGO-E-V-STD", null, null, null, null,
                null)), rows);
    }

    @Test
    void windowsLineEndsAreRead() throws Exception {
        read("email,name,brand\r\nada@example.com,Ada,Amazon.com\r\ngrace@example.com,Grace,Amazon.com\r\n");
        assertEquals(2, rows.size());
        assertEquals("Amazon.com", rows.get(0).brand());
        assertEquals("grace@example.com", rows.get(1).email());
        assertEquals(3, rows.get(1).number());
    }

    @Test
    void quotedFieldsKeepCommasQuotesAndLineBreaks() throws Exception {
        read("email,name,sku,message\n"
                + "ada@example.com,\"Lovelace, Ada\",S1,\"She said \"\"thanks\"\"\"\n"
                + "grace@example.com,Grace,S1,\"Line one\r\nLine two\"\n"
                + "alan@example.com,Alan,S1,Hi\n");
        assertEquals("Lovelace, Ada", rows.get(0).name());
        assertEquals("She said \"thanks\"", rows.get(0).message());
        assertEquals("Line one\r\nLine two", rows.get(1).message());
        // A field over two lines is one row of the spreadsheet
        assertEquals(4, rows.get(2).number());
    }

    @Test
    void headersMatchInAnyOrderAndCaseAndByTheirOtherNames() throws Exception {
        read("Note, From Name ,E-mail Subject,Face Value,Brand Name,UTID,Recipient,Recipient E-mail\n"
                + "Well done,The team,Thanks!,25,Amazon.com,U561593,Ada Lovelace,ada@example.com\n");
        assertEquals(List.of(new Row(2, "ada@example.com", "Ada Lovelace", "U561593", "Amazon.com", "25", "Well done",
                "Thanks!", "The team")), rows);
    }

    @Test
    void headerCellsNamingNoColumnAreReportedAsIgnored() throws Exception {
        Summary summary = read("Employee ID,email,,name,sku,Department,Email\n7,ada@example.com,x,Ada,S1,R&D,other\n");
        assertEquals(List.of("Employee ID", "Department", "Email"), summary.ignoredColumns());
        assertEquals(1, summary.rows());
        assertEquals("ada@example.com", rows.get(0).email());
    }

    @Test
    void aHeaderWithoutTheRequiredColumnsIsRefusedNamingWhatIsMissing() {
        Unreadable e = assertThrows(Unreadable.class, () -> read("email,amount\nada@example.com,25\n"));
        assertTrue(e.getMessage().startsWith("The header (row 1) must name the columns"), e.getMessage());
        assertTrue(e.getMessage().endsWith("missing: name, sku or brand."), e.getMessage());
        assertTrue(rows.isEmpty());
    }

    @Test
    void semicolonFilesFromEuropeanExcelAreRead() throws Exception {
        read("email;name;brand;amount;message\nada@example.com;Ada;Amazon.com;25,50;\"Merci; bravo, Ada\"\n");
        assertEquals(List.of(new Row(2, "ada@example.com", "Ada", null, "Amazon.com", "25,50", "Merci; bravo, Ada",
                null, null)), rows);
    }

    @Test
    void emptyRowsAreSkippedAndLaterRowsKeepTheirNumbers() throws Exception {
        Summary summary = read("\nemail,name,sku\n\nada@example.com,Ada,S1\n,,\n   ,  ,\ngrace@example.com,Grace,S1\n\n");
        assertEquals(2, summary.rows());
        assertEquals(List.of(4L, 7L), rows.stream().map(Row::number).toList());
    }

    @Test
    void cellsAreTrimmedAndEmptyCellsAreNull() throws Exception {
        read("email,name,sku,brand,message\n  ada@example.com , Ada ,S1,,\"  \"\n");
        assertEquals(new Row(2, "ada@example.com", "Ada", "S1", null, null, null, null, null), rows.get(0));
    }

    @Test
    void rowsLongerOrShorterThanTheHeaderUseTheKnownColumns() throws Exception {
        read("email,name,sku,amount\nada@example.com,Ada,S1,25,extra,more\ngrace@example.com,Grace\n");
        assertEquals(new Row(2, "ada@example.com", "Ada", "S1", null, "25", null, null, null), rows.get(0));
        assertEquals(new Row(3, "grace@example.com", "Grace", null, null, null, null, null, null), rows.get(1));
    }

    @Test
    void fiftyThousandRowsAreAccepted() throws Exception {
        Summary summary = BulkSheet.read(csvOfRows(BulkSheet.MAX_ROWS, 0), rows::add);
        assertEquals(50_000, summary.rows());
        assertEquals(50_001, rows.get(rows.size() - 1).number());
    }

    @Test
    void fiftyThousandAndOneRowsAreRefused() throws Exception {
        Path file = csvOfRows(BulkSheet.MAX_ROWS + 1, 0);
        Unreadable e = assertThrows(Unreadable.class, () -> BulkSheet.read(file, rows::add));
        assertEquals("The file has more than 50,000 rows: split it into several files.", e.getMessage());
        assertEquals(BulkSheet.MAX_ROWS, rows.size());
    }

    @Test
    void aFiveMegabyteFileIsReadRowByRow() throws Exception {
        Path file = csvOfRows(40_000, 100);
        assertTrue(Files.size(file) > 5_000_000, "the file has " + Files.size(file) + " bytes");
        AtomicLong count = new AtomicLong();
        AtomicReference<Row> last = new AtomicReference<>();
        Summary summary = BulkSheet.read(file, row -> {
            count.incrementAndGet();
            last.set(row);
        });
        assertEquals(40_000, summary.rows());
        assertEquals(40_000, count.get());
        assertEquals(40_001, last.get().number());
        assertEquals("person39999@example.com", last.get().email());
        assertEquals(100 + "39999".length() + 1, last.get().message().length());
    }

    @Test
    void aFileThatIsNotUtf8IsRefused() throws IOException {
        Path file = dir.resolve("latin1.csv");
        Files.write(file, "email,name,sku\nzoe@example.com,Zo\u00eb,S1\n".getBytes(StandardCharsets.ISO_8859_1));
        Unreadable e = assertThrows(Unreadable.class, () -> BulkSheet.read(file, rows::add));
        assertEquals("The file is not UTF-8 text. Save it as \"CSV UTF-8\" and upload it again.", e.getMessage());
    }

    @Test
    void aFileNotUtf8FarFromItsStartIsRefusedToo() throws IOException {
        StringBuilder text = new StringBuilder("email,name,sku\n");
        for (int i = 0; i < 2_000; i++) {
            text.append("person").append(i).append("@example.com,Person ").append(i).append(",S1\n");
        }
        Path file = dir.resolve("latin1-late.csv");
        Files.write(file, (text + "zoe@example.com,Zo\u00eb,S1\n").getBytes(StandardCharsets.ISO_8859_1));
        Unreadable e = assertThrows(Unreadable.class, () -> BulkSheet.read(file, rows::add));
        assertTrue(e.getMessage().contains("\"CSV UTF-8\""), e.getMessage());
    }

    @Test
    void anEmptyFileIsRefused() throws IOException {
        assertEquals("The file is empty.", assertThrows(Unreadable.class, () -> read("")).getMessage());
        assertEquals("The file is empty.", assertThrows(Unreadable.class, () -> read("\uFEFF\r\n\n ,,\n")).getMessage());
    }

    @Test
    void anOldExcelXlsFileIsRefused() throws IOException {
        Path file = dir.resolve("rewards.xls");
        Files.write(file, new byte[] { (byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A,
                (byte) 0xE1, 0, 0, 0, 0 });
        Unreadable e = assertThrows(Unreadable.class, () -> BulkSheet.read(file, rows::add));
        assertEquals("This is an old Excel .xls file: save it as .xlsx or CSV and upload it again.", e.getMessage());
    }

    @Test
    void anUnclosedQuoteIsRefusedWithTheRowReached() {
        Unreadable e = assertThrows(Unreadable.class, () -> read("email,name,sku,message\n"
                + "ada@example.com,Ada,S1,Hi\n"
                + "grace@example.com,Grace,S1,\"Thanks for\n"
                + "alan@example.com,Alan,S1,Hi\n"));
        assertTrue(e.getMessage().startsWith("The file could not be read after row 2: "), e.getMessage());
        assertEquals(1, rows.size());
    }

    @Test
    void anXlsxWorkbookGivesNumbersDatesAndTextAsTheSpreadsheetShowsThem() throws Exception {
        Path file = dir.resolve("rewards.xlsx");
        try (OutputStream out = Files.newOutputStream(file); Workbook workbook = new Workbook(out, "Accolade", "1.0")) {
            Worksheet sheet = workbook.newWorksheet("Rewards");
            String[] header = { "Email", "Name", "SKU", "Amount", "Message", "Subject", "Department" };
            for (int c = 0; c < header.length; c++) {
                sheet.value(0, c, header[c]);
            }
            sheet.value(1, 0, " ada@example.com ");
            sheet.value(1, 1, "Ada Lovelace");
            sheet.value(1, 2, "00123");
            sheet.value(1, 3, 25);
            sheet.value(1, 4, LocalDate.of(2026, 3, 1));
            sheet.style(1, 4).format("yyyy-mm-dd").set();
            sheet.value(1, 5, true);
            // rows 3 and 4 are empty: one not written at all, one written with only a styled blank cell
            sheet.style(3, 1).bold().set();
            sheet.value(4, 0, "grace@example.com");
            sheet.value(4, 1, "Grace Hopper");
            sheet.value(4, 2, "S1");
            sheet.value(4, 3, 25.5);
            sheet.value(4, 4, LocalDateTime.of(2026, 3, 1, 9, 30));
            sheet.style(4, 4).format("d mmm yyyy hh:mm").set();
            sheet.value(5, 0, "alan@example.com");
            sheet.value(5, 1, "Alan Turing");
            sheet.value(5, 2, "S1");
            sheet.value(5, 3, 1e6);
            sheet.value(5, 4, 0.125);
            sheet.style(5, 4).format("0.00%").set();
        }
        Summary summary = BulkSheet.read(file, rows::add);
        assertEquals(new Summary(3, List.of("Department")), summary);
        assertEquals(new Row(2, "ada@example.com", "Ada Lovelace", "00123", null, "25", "2026-03-01", "TRUE", null),
                rows.get(0));
        assertEquals(new Row(5, "grace@example.com", "Grace Hopper", "S1", null, "25.5", "2026-03-01 09:30", null, null),
                rows.get(1));
        assertEquals(new Row(6, "alan@example.com", "Alan Turing", "S1", null, "1000000", "0.125", null, null),
                rows.get(2));
    }

    @Test
    void anXlsxFormulaGivesItsCachedValue() throws Exception {
        Path file = workbook("<row r=\"1\">" + text("A1", "email") + text("B1", "name") + text("C1", "brand")
                + text("D1", "amount") + text("E1", "message") + "</row>"
                + "<row r=\"2\">" + text("A2", "ada@example.com") + text("B2", "Ada")
                + "<c r=\"C2\" t=\"str\"><f>\"Amazon\"&amp;\".com\"</f><v>Amazon.com</v></c>"
                + "<c r=\"D2\"><f>20+5</f><v>25</v></c>"
                + "<c r=\"E2\" t=\"b\"><f>1&lt;2</f><v>1</v></c></row>"
                + "<row r=\"3\">" + text("A3", "grace@example.com") + text("B3", "Grace") + text("C3", "Amazon.com")
                + "<c r=\"D3\"><f>25*1.1</f><v>27.500000000000004</v></c>"
                + "<c r=\"E3\" t=\"e\"><f>1/0</f><v>#DIV/0!</v></c></row>");
        BulkSheet.read(file, rows::add);
        assertEquals(new Row(2, "ada@example.com", "Ada", null, "Amazon.com", "25", "TRUE", null, null), rows.get(0));
        assertEquals(new Row(3, "grace@example.com", "Grace", null, "Amazon.com", "27.5", "#DIV/0!", null, null),
                rows.get(1));
    }

    @Test
    void aZipThatIsNotAWorkbookIsRefused() throws IOException {
        Path file = dir.resolve("photos.zip");
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(file))) {
            zip.putNextEntry(new ZipEntry("readme.txt"));
            zip.write("hello".getBytes(StandardCharsets.UTF_8));
        }
        Unreadable e = assertThrows(Unreadable.class, () -> BulkSheet.read(file, rows::add));
        assertEquals("The file is not a CSV or Excel .xlsx file.", e.getMessage());
    }

    @Test
    void theTemplateReadsBackAsItsTwoExampleRows() throws Exception {
        Path file = dir.resolve("template.csv");
        Files.write(file, BulkSheet.templateCsv());
        Summary summary = BulkSheet.read(file, rows::add);
        assertEquals(new Summary(2, List.of()), summary);
        assertEquals("ada@example.com", rows.get(0).email());
        assertEquals("25", rows.get(0).amount());
        assertEquals("Amazon.com", rows.get(1).brand());
        assertEquals("50", rows.get(1).amount());
        assertTrue(new String(BulkSheet.templateCsv(), StandardCharsets.UTF_8)
                .startsWith("\uFEFFemail,name,sku,brand,amount,message,subject,from\r\n"));
    }

    private Summary read(String csv) throws IOException, Unreadable {
        Path file = Files.createTempFile(dir, "send", ".csv");
        Files.writeString(file, csv);
        return BulkSheet.read(file, rows::add);
    }

    /** A CSV of {@code count} rows, each with a message of {@code padding} characters and more. */
    private Path csvOfRows(int count, int padding) throws IOException {
        Path file = Files.createTempFile(dir, "many", ".csv");
        String pad = "x".repeat(padding);
        try (Writer out = Files.newBufferedWriter(file)) {
            out.write("email,name,sku,amount,message\r\n");
            for (int i = 0; i < count; i++) {
                out.write("person" + i + "@example.com,Person " + i + ",S1,25," + pad + i + "!\r\n");
            }
        }
        return file;
    }

    private static String text(String cell, String value) {
        return "<c r=\"" + cell + "\" t=\"inlineStr\"><is><t>" + value + "</t></is></c>";
    }

    /** A workbook as small as a spreadsheet program may write it: one sheet, no styles, no shared strings. */
    private Path workbook(String sheetData) {
        Path file = dir.resolve("formulas.xlsx");
        String main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
        String relations = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
        Map<String, String> parts = Map.of(
                "[Content_Types].xml", "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
                        + "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
                        + "<Override PartName=\"/xl/workbook.xml\" ContentType=\"application/vnd.openxmlformats-"
                        + "officedocument.spreadsheetml.sheet.main+xml\"/></Types>",
                "xl/workbook.xml", "<workbook xmlns=\"" + main + "\" xmlns:r=\"" + relations + "\"><sheets>"
                        + "<sheet name=\"Sheet1\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>",
                "xl/_rels/workbook.xml.rels", "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/"
                        + "relationships\"><Relationship Id=\"rId1\" Type=\"" + relations + "/worksheet\" "
                        + "Target=\"worksheets/sheet1.xml\"/></Relationships>",
                "xl/worksheets/sheet1.xml", "<worksheet xmlns=\"" + main + "\"><sheetData>" + sheetData
                        + "</sheetData></worksheet>");
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(file))) {
            for (var part : parts.entrySet()) {
                zip.putNextEntry(new ZipEntry(part.getKey()));
                zip.write(part.getValue().getBytes(StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file;
    }
}
