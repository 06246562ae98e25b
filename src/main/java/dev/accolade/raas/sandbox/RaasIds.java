package dev.accolade.raas.sandbox;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

/**
 * Identifiers in the shapes RaaS uses: orders {@code 113-08258652-15}, funds {@code RF13-09261098-12},
 * card tokens {@code 33041234}, reward tokens {@code 52349855591df1.48777244}. Numbers come from
 * database sequences (incremented by 100, handed out in blocks), so they are unique across threads
 * and across replicas sharing a database.
 */
@ApplicationScoped
public class RaasIds {

    static final int BLOCK = 100;

    private final EntityManager em;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();
    private final ConcurrentHashMap<String, Block> blocks = new ConcurrentHashMap<>();

    RaasIds(EntityManager em, Clock clock) {
        this.em = em;
        this.clock = clock;
    }

    private static final class Block {
        long next;
        long end;
    }

    /** The next number of a sequence created with {@code increment by 100}. */
    public long next(String sequence) {
        Block block = blocks.computeIfAbsent(sequence, s -> new Block());
        synchronized (block) {
            if (block.next >= block.end) {
                Number start = (Number) em.createNativeQuery("select nextval('" + sequence + "')")
                        .getSingleResult();
                block.next = start.longValue();
                block.end = block.next + BLOCK;
            }
            return block.next++;
        }
    }

    public String orderId(long number) {
        return "1" + year() + "-" + digits(number) + "-" + check(number);
    }

    public String fundId(long number) {
        return "RF" + year() + "-" + digits(number) + "-" + check(number);
    }

    /** A random numeric card token; uniqueness is also enforced by the database. */
    public String cardToken() {
        return Long.toString(100_000_000L + (random.nextLong() & Long.MAX_VALUE) % 900_000_000L);
    }

    public String rewardToken() {
        byte[] bytes = new byte[7];
        random.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes) + "." + zeroPadded(random.nextInt(100_000_000), 8);
    }

    public String digits(int count) {
        StringBuilder b = new StringBuilder(count);
        for (int i = 0; i < count; i++) {
            b.append((char) ('0' + random.nextInt(10)));
        }
        return b.toString();
    }

    public String code(String alphabet, int... groups) {
        StringBuilder b = new StringBuilder();
        for (int g = 0; g < groups.length; g++) {
            if (g > 0) {
                b.append('-');
            }
            for (int i = 0; i < groups[g]; i++) {
                b.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
        }
        return b.toString();
    }

    private String year() {
        return zeroPadded(clock.instant().atZone(ZoneOffset.UTC).getYear() % 100, 2);
    }

    private static String digits(long number) {
        return zeroPadded(number % 100_000_000L, 8);
    }

    private static String check(long number) {
        return zeroPadded(number % 97, 2);
    }

    /** {@code 42} with width 4 is {@code 0042} (for non-negative numbers; ids are made on every order). */
    static String zeroPadded(long number, int width) {
        String digits = Long.toString(number);
        return digits.length() >= width ? digits : "0".repeat(width - digits.length()) + digits;
    }
}
