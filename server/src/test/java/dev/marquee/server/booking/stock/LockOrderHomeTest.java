package dev.marquee.server.booking.stock;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every lock on tiers and show seats is written in one place, {@link LockOrder}, whose methods are the global lock
 * order: a statement anywhere else that locks them could take them out of order and deadlock with a booking.
 */
class LockOrderHomeTest {

    private static final Path SOURCES = Path.of("src/main/java/dev/marquee/server");
    private static final Path HOME = SOURCES.resolve("booking/stock");
    private static final Pattern STRING = Pattern.compile("\"\"\"(.*?)\"\"\"|\"((?:[^\"\\\\\\n]|\\\\.)*)\"",
            Pattern.DOTALL);
    private static final Pattern STOCK_TABLE = Pattern.compile("\\b(tiers|show_seats)\\b");
    private static final Pattern LOCKING = Pattern.compile("FOR (NO KEY )?UPDATE|FOR (KEY )?SHARE");

    @Test
    void noStatementOutsideTheStockPackageLocksTiersOrSeats() throws IOException {
        List<String> offenders = new ArrayList<>();
        try (Stream<Path> files = Files.walk(SOURCES)) {
            files.filter(file -> file.toString().endsWith(".java") && !file.startsWith(HOME))
                    .forEach(file -> statementsOf(file).stream()
                            .filter(sql -> STOCK_TABLE.matcher(sql).find() && LOCKING.matcher(sql).find())
                            .forEach(sql -> offenders.add(SOURCES.relativize(file) + ": " + sql.strip())));
        }
        assertEquals(List.of(), offenders);
    }

    @Test
    void theCheckSeesTheLocksInTheStockPackage() {
        List<String> locking = statementsOf(HOME.resolve("LockOrder.java")).stream()
                .filter(sql -> STOCK_TABLE.matcher(sql).find() && LOCKING.matcher(sql).find()).toList();
        assertTrue(locking.size() >= 5, "the locks of LockOrder are found: " + locking);
    }

    /** The string literals of each Java statement of the file, joined: the SQL it sends, roughly. */
    private static List<String> statementsOf(Path file) {
        String source;
        try {
            source = Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<String> statements = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        Matcher strings = STRING.matcher(source);
        int last = 0;
        while (strings.find()) {
            if (source.substring(last, strings.start()).contains(";")) {
                statements.add(current.toString());
                current.setLength(0);
            }
            current.append(strings.group(1) != null ? strings.group(1) : strings.group(2)).append(' ');
            last = strings.end();
        }
        statements.add(current.toString());
        return statements;
    }
}
