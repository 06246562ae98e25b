package dev.accolade.storefront.users;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * What a password must be: 12 to 64 characters (at most 72 bytes, bcrypt's limit), and not one of
 * the 10,000 most common passwords (SecLists' {@code 10k-most-common.txt}, shipped as
 * {@code users/common-passwords.txt}), nor one of them with digits or symbols added at the end, nor
 * one of them repeated ({@code qwertyqwerty}). Case is ignored in the comparison.
 */
@ApplicationScoped
public class PasswordPolicy {

    public static final int MIN_LENGTH = 12;
    public static final int MAX_LENGTH = 64;
    private static final String LIST = "users/common-passwords.txt";

    private final Set<String> common;

    PasswordPolicy() {
        this.common = load();
    }

    /** Why the password is refused, or empty when it is acceptable. */
    public Optional<String> problem(String password) {
        if (password == null || password.codePointCount(0, password.length()) < MIN_LENGTH) {
            return Optional.of("Use at least " + MIN_LENGTH + " characters.");
        }
        if (password.codePointCount(0, password.length()) > MAX_LENGTH
                || password.getBytes(StandardCharsets.UTF_8).length > 72) {
            return Optional.of("Use at most " + MAX_LENGTH + " characters.");
        }
        if (isCommon(password)) {
            return Optional.of("This password is on a list of commonly used passwords. Choose another one.");
        }
        return Optional.empty();
    }

    boolean isCommon(String password) {
        String p = password.strip().toLowerCase(Locale.ROOT);
        if (common.contains(p)) {
            return true;
        }
        String stem = p.replaceAll("[\\d\\p{Punct}\\s]+$", "");
        if (stem.length() >= 4 && common.contains(stem)) {
            return true;
        }
        for (int size = 1; size <= p.length() / 2; size++) {
            if (p.length() % size == 0 && p.substring(0, size).repeat(p.length() / size).equals(p)
                    && (size < 4 || common.contains(p.substring(0, size)))) {
                return true;
            }
        }
        return false;
    }

    int size() {
        return common.size();
    }

    private static Set<String> load() {
        Set<String> words = new HashSet<>(16_384);
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(LIST)) {
            if (in == null) {
                throw new IllegalStateException("The common-password list " + LIST + " is missing");
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                String w = line.strip().toLowerCase(Locale.ROOT);
                if (!w.isEmpty()) {
                    words.add(w);
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException("The common-password list " + LIST + " cannot be read", e);
        }
        return Set.copyOf(words);
    }
}
