package dev.accolade;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Properties;
import java.util.Random;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * The native executable initialises every class at build time unless it is listed for run time in
 * {@code quarkus.native.additional-build-args}. A class that keeps a {@link Random} (a
 * {@code SecureRandom} say) in a static field must be listed: frozen into the image the generator would
 * repeat its numbers on every start, and the image builder refuses it. deploy/native-check proves it
 * with the builder (in CI); this test says it in seconds. Plain JUnit: it loads classes without
 * initialising them.
 */
class NativeRunTimeInitialisationTest {

    private static final String RUN_TIME = "--initialize-at-run-time=";

    @Test
    void everyClassHoldingARandomInAStaticFieldIsInitialisedAtRunTime() throws Exception {
        Set<String> runTime = runTimeInitialised();
        List<String> missing = new ArrayList<>();
        for (Class<?> c : applicationClasses()) {
            for (Field f : c.getDeclaredFields()) {
                if (Modifier.isStatic(f.getModifiers()) && Random.class.isAssignableFrom(f.getType())
                        && !runTime.contains(c.getName())) {
                    missing.add(c.getName() + "." + f.getName());
                }
            }
        }
        assertTrue(missing.isEmpty(), () -> "static Random fields in classes initialised at build time in the native"
                + " executable: add their classes to --initialize-at-run-time in quarkus.native.additional-build-args: "
                + missing);
    }

    @Test
    void everyClassListedForRunTimeInitialisationExists() throws Exception {
        ClassLoader loader = getClass().getClassLoader();
        for (String name : runTimeInitialised()) {
            assertTrue(exists(name, loader), () -> name + " is listed for run-time initialisation but is no class or"
                    + " package on the class path");
        }
    }

    /** A class, or a package on the class path (the builder takes both: a package means all its classes). */
    private static boolean exists(String name, ClassLoader loader) {
        try {
            Class.forName(name, false, loader);
            return true;
        } catch (ClassNotFoundException e) {
            return loader.getResource(name.replace('.', '/') + "/") != null;
        }
    }

    private static Set<String> runTimeInitialised() throws IOException {
        Properties p = new Properties();
        try (InputStream in = NativeRunTimeInitialisationTest.class.getResourceAsStream("/application.properties")) {
            p.load(in);
        }
        Set<String> names = new LinkedHashSet<>();
        // the value is a comma-separated list of builder arguments; a comma inside one is escaped (\,)
        String args = p.getProperty("quarkus.native.additional-build-args", "");
        for (String arg : args.split("(?<!\\\\),")) {
            String a = arg.trim().replace("\\,", ",");
            if (a.startsWith(RUN_TIME)) {
                for (String name : a.substring(RUN_TIME.length()).split(",")) {
                    names.add(name.trim());
                }
            }
        }
        return names;
    }

    private static List<Class<?>> applicationClasses() throws IOException {
        Path classes = Path.of("target/classes");
        assertTrue(Files.isDirectory(classes.resolve("dev/accolade")), "compiled application classes in target/classes");
        ClassLoader loader = NativeRunTimeInitialisationTest.class.getClassLoader();
        List<Class<?>> found = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(classes.resolve("dev/accolade"))) {
            for (Path f : walk.filter(x -> x.toString().endsWith(".class")).toList()) {
                String rel = classes.relativize(f).toString();
                String name = rel.substring(0, rel.length() - ".class".length()).replace('/', '.');
                try {
                    found.add(Class.forName(name, false, loader));
                } catch (ClassNotFoundException | LinkageError e) {
                    // a class the test class path cannot load holds nothing this test can see
                }
            }
        }
        return found;
    }
}
