package dev.accolade.storefront.bulk;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.MathContext;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.dhatim.fastexcel.reader.Cell;
import org.dhatim.fastexcel.reader.CellType;
import org.dhatim.fastexcel.reader.ExcelReaderException;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.ReadingOptions;

/**
 * Reads a bulk-send spreadsheet one row at a time, so that a file of {@value #MAX_ROWS} rows never
 * sits in memory whole: a CSV file (UTF-8, a byte-order mark skipped, quoted as RFC 4180 has it, with
 * commas or, as European Excel writes them, semicolons) or the first worksheet of an Excel .xlsx
 * workbook. The format is told by the file's first bytes, not by its name. A header row names the
 * columns in any order and case; every later row that is not empty is handed over as written, numbered
 * as the spreadsheet shows it. Whether a row's values make a reward is for the caller to say.
 */
public final class BulkSheet {

    public static final int MAX_ROWS = 50_000;

    /** One data row as written: cells trimmed, empty cells null; numbered as the spreadsheet shows it (the header is row 1). */
    public record Row(long number, String email, String name, String sku, String brand, String amount,
            String message, String subject, String from) {
    }

    /**
     * The file cannot be used as a whole (not a CSV or .xlsx, no usable header, too many rows, broken
     * quoting): a message for the page.
     */
    public static final class Unreadable extends Exception {
        private static final long serialVersionUID = 1L;

        public Unreadable(String message) {
            super(message);
        }
    }

    /** What reading found: the number of data rows handed over, and header cells that name no known column (ignored). */
    public record Summary(long rows, List<String> ignoredColumns) {
    }

    /** The columns in the order of {@link Row}'s values. */
    private static final List<String> COLUMNS = List.of("email", "name", "sku", "brand", "amount", "message",
            "subject", "from");

    /** What a header may call each column, lower-cased and with everything but letters removed. */
    private static final Map<String, String> NAMES = Map.ofEntries(Map.entry("email", "email"),
            Map.entry("emailaddress", "email"), Map.entry("recipientemail", "email"), Map.entry("name", "name"),
            Map.entry("recipientname", "name"), Map.entry("fullname", "name"), Map.entry("recipient", "name"),
            Map.entry("sku", "sku"), Map.entry("utid", "sku"), Map.entry("rewardsku", "sku"),
            Map.entry("brand", "brand"), Map.entry("brandname", "brand"), Map.entry("amount", "amount"),
            Map.entry("value", "amount"), Map.entry("amountusd", "amount"), Map.entry("facevalue", "amount"),
            Map.entry("message", "message"), Map.entry("rewardmessage", "message"), Map.entry("note", "message"),
            Map.entry("subject", "subject"), Map.entry("emailsubject", "subject"), Map.entry("from", "from"),
            Map.entry("sender", "from"), Map.entry("sendername", "from"), Map.entry("fromname", "from"));

    private static final byte[] ZIP = { 'P', 'K', 3, 4 };
    private static final byte[] OLD_EXCEL = { (byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0 };
    /** How far into a CSV file the header line is looked for, to tell its separator. */
    private static final int HEADER_LOOK_AHEAD = 64 * 1024;
    private static final Pattern QUOTED = Pattern.compile("\"[^\"]*\"");
    /** Quoted text, [colours] and [$locales], escaped and spacing characters: what a number format shows literally. */
    private static final Pattern FORMAT_LITERALS = Pattern.compile("\"[^\"]*\"|\\[[^\\]]*\\]|\\\\.|[_*].");
    private static final Pattern DATE_PARTS = Pattern.compile("[yYdDhHsS]");
    private static final DateTimeFormatter MINUTES = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
    /** Excel shows at most 15 significant digits; a sum stored as 27.500000000000004 is shown as 27.5. */
    private static final MathContext EXCEL_DIGITS = new MathContext(15);

    private BulkSheet() {
    }

    /** Reads a CSV or Excel .xlsx file as a stream, handing each non-empty data row to {@code rows} in order. */
    public static Summary read(Path file, Consumer<Row> rows) throws Unreadable {
        byte[] start = new byte[4];
        int length;
        try (InputStream in = Files.newInputStream(file)) {
            length = in.readNBytes(start, 0, start.length);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (length == 0) {
            throw new Unreadable("The file is empty.");
        }
        if (Arrays.equals(start, ZIP)) {
            checkUnpackedSize(file);
            return readXlsx(file, new Sheet(rows));
        }
        if (Arrays.equals(start, OLD_EXCEL)) {
            throw new Unreadable("This is an old Excel .xls file: save it as .xlsx or CSV and upload it again.");
        }
        return readCsv(file, new Sheet(rows));
    }

    /** What a workbook may unpack to: a 50,000-row sheet with long messages is well under 100 MB. */
    static final long MAX_UNPACKED = 200L * 1024 * 1024;

    /**
     * Refuses a workbook whose parts unpack to more than {@link #MAX_UNPACKED} by the sizes its zip
     * directory declares (a small file can otherwise unpack to gigabytes, and the reader keeps a
     * workbook's shared texts in memory).
     */
    private static void checkUnpackedSize(Path file) throws Unreadable {
        try (java.util.zip.ZipFile zip = new java.util.zip.ZipFile(file.toFile())) {
            long total = 0;
            for (var entries = zip.entries(); entries.hasMoreElements();) {
                long size = entries.nextElement().getSize();
                total += Math.max(0, size);
                if (size > MAX_UNPACKED || total > MAX_UNPACKED) {
                    throw new Unreadable("The workbook unpacks to more than 200 MB, far more than 50,000 rows need: "
                            + "save it as CSV and upload that.");
                }
            }
        } catch (java.util.zip.ZipException e) {
            throw new Unreadable("The file is not a CSV or Excel .xlsx file.");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The downloadable template: a CSV with the header and two example rows. */
    public static byte[] templateCsv() {
        // The byte-order mark makes Excel open the file as UTF-8 and save it again as "CSV UTF-8",
        // so names with accents typed into the template come back readable.
        return ("\uFEFFemail,name,sku,brand,amount,message,subject,from\r\n"
                + "ada@example.com,Ada Lovelace,800F-E-2500-STD,,25,Thank you for the launch!,,\r\n"
                + "grace@example.com,Grace Hopper,,Amazon.com,50,\"Thanks, Grace: the bug is found.\","
                + "A thank-you from the team,The engineering team\r\n").getBytes(StandardCharsets.UTF_8);
    }

    private static Summary readCsv(Path file, Sheet sheet) throws Unreadable {
        var utf8 = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        try (BufferedReader in = new BufferedReader(new InputStreamReader(Files.newInputStream(file), utf8))) {
            in.mark(1);
            if (in.read() != '\uFEFF') {
                in.reset();
            }
            CSVFormat format = CSVFormat.RFC4180.builder().setDelimiter(separator(in)).setIgnoreEmptyLines(false)
                    .setTrim(true).get();
            try (CSVParser parser = format.parse(in)) {
                Iterator<CSVRecord> records = parser.iterator();
                long last = 0;
                while (true) {
                    CSVRecord record;
                    try {
                        if (!records.hasNext()) {
                            break;
                        }
                        record = records.next();
                    } catch (UncheckedIOException | IllegalStateException e) {
                        if (notUtf8(e)) {
                            throw notUtf8();
                        }
                        throw new Unreadable("The file could not be read after row " + last
                                + ": a quoted field is not closed, or a quote stands inside an unquoted field.");
                    }
                    last = record.getRecordNumber();
                    sheet.row(last, record.toList());
                }
            }
            return sheet.summary("The file is empty.");
        } catch (CharacterCodingException e) {
            throw notUtf8();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A semicolon when the header line has semicolons and no comma, as European Excel writes CSV; else a comma. */
    private static char separator(BufferedReader in) throws IOException {
        in.mark(HEADER_LOOK_AHEAD);
        StringBuilder line = new StringBuilder();
        for (int i = 0, c; i < HEADER_LOOK_AHEAD && (c = in.read()) != -1; i++) {
            if (c != '\n' && c != '\r') {
                line.append((char) c);
            } else if (!line.toString().isBlank()) {
                break;
            }
        }
        in.reset();
        String header = QUOTED.matcher(line).replaceAll("");
        return header.indexOf(',') < 0 && header.indexOf(';') >= 0 ? ';' : ',';
    }

    private static boolean notUtf8(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof CharacterCodingException) {
                return true;
            }
        }
        return false;
    }

    private static Unreadable notUtf8() {
        return new Unreadable("The file is not UTF-8 text. Save it as \"CSV UTF-8\" and upload it again.");
    }

    private static Summary readXlsx(Path file, Sheet sheet) throws Unreadable {
        ReadableWorkbook workbook = open(file);
        try (workbook; Stream<org.dhatim.fastexcel.reader.Row> stream = firstSheet(workbook)) {
            Iterator<org.dhatim.fastexcel.reader.Row> rows = stream.iterator();
            long last = 0;
            while (true) {
                long number;
                List<String> cells;
                // Only the library runs here: a damaged workbook may fail in it with any exception.
                try {
                    if (!rows.hasNext()) {
                        break;
                    }
                    var row = rows.next();
                    // A row written without its number ("r") follows the one before.
                    number = Math.max(row.getRowNum(), last + 1);
                    cells = new ArrayList<>(row.getCellCount());
                    for (Cell cell : row) {
                        cells.add(cell == null ? null : text(cell));
                    }
                } catch (RuntimeException e) {
                    throw new Unreadable("The workbook could not be read after row " + last
                            + ": open it in Excel, save it again and upload it again.");
                }
                last = number;
                sheet.row(number, cells);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return sheet.summary("The first worksheet is empty: put the rows on the first sheet of the workbook.");
    }

    /** Opens a workbook with its number formats, which tell dates from numbers; without them if it has none. */
    private static ReadableWorkbook open(Path file) throws Unreadable {
        try {
            try {
                return new ReadableWorkbook(file.toFile(), new ReadingOptions(true, true));
            } catch (ExcelReaderException e) {
                return new ReadableWorkbook(file.toFile());
            }
        } catch (IOException | RuntimeException e) {
            throw notAWorkbook();
        }
    }

    private static Stream<org.dhatim.fastexcel.reader.Row> firstSheet(ReadableWorkbook workbook) throws Unreadable {
        try {
            return workbook.getFirstSheet().openStream();
        } catch (IOException | RuntimeException e) {
            throw notAWorkbook();
        }
    }

    private static Unreadable notAWorkbook() {
        return new Unreadable("The file is not a CSV or Excel .xlsx file.");
    }

    /**
     * A cell as the spreadsheet shows it: numbers in plain decimals, dates as ISO dates, a formula's
     * cached value (the one Excel saved with it).
     */
    private static String text(Cell cell) {
        Object value = cell.getValue();
        if (value instanceof BigDecimal number) {
            if (isDate(cell)) {
                LocalDateTime at = cell.asDate();
                return at.toLocalTime().equals(LocalTime.MIDNIGHT) ? at.toLocalDate().toString() : at.format(MINUTES);
            }
            return number.round(EXCEL_DIGITS).stripTrailingZeros().toPlainString();
        }
        if (value instanceof Boolean b) {
            return b ? "TRUE" : "FALSE";
        }
        if (value != null) {
            return value.toString();
        }
        return cell.getType() == CellType.ERROR ? cell.getRawValue() : null;
    }

    private static boolean isDate(Cell cell) {
        Integer id = cell.getDataFormatId();
        if (id == null) {
            return false;
        }
        // Excel's built-in date and time formats, which a workbook names by number only
        if (id >= 14 && id <= 22 || id >= 27 && id <= 36 || id >= 45 && id <= 47 || id >= 50 && id <= 58) {
            return true;
        }
        String format = cell.getDataFormatString();
        return format != null && DATE_PARTS.matcher(FORMAT_LITERALS.matcher(format).replaceAll("")).find();
    }

    /** The header, then the data rows: what both formats share once their cells are text. */
    private static final class Sheet {
        private final Consumer<Row> rows;
        private int[] columns;
        private final List<String> ignored = new ArrayList<>();
        private long count;

        Sheet(Consumer<Row> rows) {
            this.rows = rows;
        }

        void row(long number, List<String> cells) throws Unreadable {
            if (cells.stream().allMatch(c -> clean(c) == null)) {
                return;
            }
            if (columns == null) {
                header(number, cells);
                return;
            }
            if (count == MAX_ROWS) {
                throw new Unreadable(String.format(Locale.ROOT,
                        "The file has more than %,d rows: split it into several files.", MAX_ROWS));
            }
            count++;
            rows.accept(new Row(number, cell(cells, 0), cell(cells, 1), cell(cells, 2), cell(cells, 3),
                    cell(cells, 4), cell(cells, 5), cell(cells, 6), cell(cells, 7)));
        }

        private void header(long number, List<String> cells) throws Unreadable {
            columns = new int[COLUMNS.size()];
            Arrays.fill(columns, -1);
            for (int i = 0; i < cells.size(); i++) {
                String written = clean(cells.get(i));
                if (written == null) {
                    continue;
                }
                String column = NAMES.get(written.toLowerCase(Locale.ROOT).replaceAll("[^a-z]", ""));
                int index = column == null ? -1 : COLUMNS.indexOf(column);
                if (index >= 0 && columns[index] < 0) {
                    columns[index] = i;
                } else {
                    ignored.add(written);
                }
            }
            List<String> missing = new ArrayList<>();
            if (columns[0] < 0) {
                missing.add("email");
            }
            if (columns[1] < 0) {
                missing.add("name");
            }
            if (columns[2] < 0 && columns[3] < 0) {
                missing.add("sku or brand");
            }
            if (!missing.isEmpty()) {
                throw new Unreadable("The header (row " + number + ") must name the columns email, name, and sku "
                        + "or brand (amount, message, subject and from may follow); missing: "
                        + String.join(", ", missing) + ".");
            }
        }

        private String cell(List<String> cells, int column) {
            int i = columns[column];
            return i >= 0 && i < cells.size() ? clean(cells.get(i)) : null;
        }

        Summary summary(String whenEmpty) throws Unreadable {
            if (columns == null) {
                throw new Unreadable(whenEmpty);
            }
            return new Summary(count, List.copyOf(ignored));
        }

        private static String clean(String cell) {
            String s = cell == null ? null : cell.strip();
            return s == null || s.isEmpty() ? null : s;
        }
    }
}
