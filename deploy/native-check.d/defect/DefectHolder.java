package dev.accolade.nativecheck;

import java.security.SecureRandom;

/**
 * The deliberate defect of deploy/native-check --with-defect: a SecureRandom in a static field of a
 * class initialised at build time would be frozen into the image heap, so that every start of the
 * executable would draw the same "random" numbers. The builder must refuse it.
 */
public final class DefectHolder {
    static final SecureRandom RANDOM = new SecureRandom();

    private DefectHolder() {
    }

    public static int next() {
        return RANDOM.nextInt();
    }
}
