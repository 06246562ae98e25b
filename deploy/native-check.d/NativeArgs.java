import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;

/**
 * The part of the native-image driver that deploy/native-check needs: reads the arguments Quarkus
 * wrote (native-sources/native-image.args) and every class-path jar's
 * META-INF/native-image/** (native-image.properties and the configuration files), and writes the
 * builder's JVM options (an @-file) and its own arguments (NUL-separated).
 *
 * Usage: java NativeArgs.java NATIVE_SOURCES_DIR OUT_DIR [EXTRA_CLASS_PATH_ENTRY...]
 *
 * A driver option it does not know stops it with a message naming the option, so that a library
 * that starts using a new one is noticed rather than silently dropped.
 */
public class NativeArgs {

    /** META-INF/native-image configuration files and the builder option that reads each. */
    static final String[][] CONFIG_FILES = {
        {"reflect-config.json", "ReflectionConfigurationResources"},
        {"resource-config.json", "ResourceConfigurationResources"},
        {"jni-config.json", "JNIConfigurationResources"},
        {"proxy-config.json", "DynamicProxyConfigurationResources"},
        {"serialization-config.json", "SerializationConfigurationResources"},
        {"predefined-classes-config.json", "PredefinedClassesConfigurationResources"},
        {"reachability-metadata.json", "ReachabilityMetadataResources"},
    };

    final List<String> jvm = new ArrayList<>();
    final List<String> builder = new ArrayList<>();
    final List<String[]> excludes = new ArrayList<>();
    final Set<String> configResources = new LinkedHashSet<>();
    final List<String> report = new ArrayList<>();
    String imageName;
    Path jar;

    public static void main(String[] args) throws IOException {
        if (args.length < 2) {
            System.err.println("usage: java NativeArgs.java NATIVE_SOURCES_DIR OUT_DIR [EXTRA_CLASS_PATH_ENTRY...]");
            System.exit(2);
        }
        Path sources = Path.of(args[0]).toAbsolutePath();
        Path out = Path.of(args[1]).toAbsolutePath();
        NativeArgs n = new NativeArgs();
        try {
            n.run(sources, out, Arrays.asList(args).subList(2, args.length));
        } catch (IllegalArgumentException e) {
            System.err.println("native-check: " + e.getMessage());
            System.exit(2);
        }
    }

    void run(Path sources, Path out, List<String> extra) throws IOException {
        String text = Files.readString(sources.resolve("native-image.args"), StandardCharsets.UTF_8);
        List<String> quarkusArgs = new ArrayList<>(Arrays.asList(text.trim().split("\\s+")));
        translate(quarkusArgs, "native-image.args", sources);
        if (jar == null) {
            throw new IllegalArgumentException("native-image.args has no -jar");
        }
        List<Path> classPath = new ArrayList<>();
        classPath.add(jar);
        String mainClass;
        try (JarFile jf = new JarFile(jar.toFile())) {
            Manifest mf = jf.getManifest();
            mainClass = mf.getMainAttributes().getValue("Main-Class");
            // as the launcher does for -jar: the manifest's Add-Opens and Add-Exports reach the builder
            for (String kind : new String[] {"Add-Opens", "Add-Exports"}) {
                String v = mf.getMainAttributes().getValue(kind);
                if (v != null) {
                    for (String pkg : v.trim().split("\\s+")) {
                        jvm.add("--" + kind.toLowerCase() + "=" + pkg + "=ALL-UNNAMED");
                    }
                }
            }
            String cp = mf.getMainAttributes().getValue("Class-Path");
            if (cp != null) {
                for (String e : cp.trim().split("\\s+")) {
                    classPath.add(jar.getParent().resolve(e).normalize());
                }
            }
        }
        for (String e : extra) {
            classPath.add(Path.of(e).toAbsolutePath());
        }
        for (Path entry : classPath) {
            metaInf(entry);
        }
        for (String resource : configResources) {
            builder.add(resource);
        }
        StringBuilder cp = new StringBuilder();
        for (Path p : classPath) {
            if (!Files.exists(p)) {
                throw new IllegalArgumentException("class-path entry missing: " + p);
            }
            cp.append(cp.length() == 0 ? "" : ":").append(p);
        }
        List<String> head = new ArrayList<>(List.of("-imagecp", cp.toString(), "-H:Class=" + mainClass,
                "-H:Name=" + (imageName == null ? "application" : imageName)));
        head.addAll(builder);
        Files.createDirectories(out);
        StringBuilder j = new StringBuilder();
        for (String a : jvm) {
            j.append('"').append(a.replace("\\", "\\\\").replace("\"", "\\\"")).append("\"\n");
        }
        Files.writeString(out.resolve("jvm.args"), j.toString());
        StringBuilder b = new StringBuilder();
        for (String a : head) {
            b.append(a).append('\0');
        }
        Files.writeString(out.resolve("builder.args"), b.toString());
        Files.write(out.resolve("translation.txt"), report);
        System.out.println("native-check: " + classPath.size() + " class-path entries, main class " + mainClass + ", "
                + configResources.size() + " configuration files, " + report.size() + " options from jars");
    }

    /** Translates driver arguments into builder JVM options and builder options. */
    void translate(List<String> args, String origin, Path baseDir) {
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if (a.isEmpty()) {
                continue;
            }
            if (a.startsWith("-J")) {
                jvm.add(a.substring(2));
            } else if (a.startsWith("-H:") || a.startsWith("-R:")) {
                builder.add(a);
            } else if (a.startsWith("-D")) {
                jvm.add(a);
            } else if (a.equals("-jar")) {
                jar = baseDir.resolve(args.get(++i)).normalize();
            } else if (a.equals("--exclude-config")) {
                excludes.add(new String[] {args.get(++i), args.get(++i)});
            } else if (a.startsWith("--add-modules=")) {
                jvm.add(a);
            } else if (a.equals("--add-modules")) {
                jvm.add("--add-modules=" + args.get(++i));
            } else if (a.startsWith("--features=")) {
                builder.add("-H:Features=" + value(a));
            } else if (a.startsWith("--initialize-at-run-time=")) {
                builder.add("-H:ClassInitialization=" + suffix(value(a), ":run_time"));
            } else if (a.startsWith("--initialize-at-build-time")) {
                builder.add("-H:ClassInitialization=" + suffix(a.contains("=") ? value(a) : "", ":build_time"));
            } else if (a.equals("--no-fallback")) {
                builder.add("-H:FallbackThreshold=0");
            } else if (a.equals("--link-at-build-time")) {
                builder.add("-H:LinkAtBuildTime=");
            } else if (a.startsWith("--link-at-build-time=")) {
                builder.add("-H:LinkAtBuildTime=" + value(a));
            } else if (a.startsWith("--enable-url-protocols=")) {
                builder.add("-H:EnableURLProtocols=" + value(a));
            } else if (a.equals("--enable-http") || a.equals("--enable-https")) {
                builder.add("-H:EnableURLProtocols=" + a.substring("--enable-".length()));
            } else if (a.startsWith("--enable-monitoring")) {
                builder.add("-H:EnableMonitoringFeatures=" + (a.contains("=") ? value(a) : "all"));
            } else if (a.startsWith("--enable-native-access=")) {
                builder.add("-H:EnableNativeAccess=" + value(a));
            } else if (a.equals("--report-unsupported-elements-at-runtime")) {
                builder.add("-H:+ReportUnsupportedElementsAtRuntime");
            } else if (a.startsWith("-march=")) {
                builder.add("-H:Microarchitecture=" + value(a));
            } else if (a.startsWith("-O")) {
                builder.add("-H:Optimize=" + a.substring(2));
            } else if (a.equals("-o")) {
                imageName = args.get(++i);
            } else if (!a.startsWith("-") && origin.equals("native-image.args")) {
                imageName = a; // the image name Quarkus puts before -jar
            } else {
                throw new IllegalArgumentException("unknown native-image option '" + a + "' in " + origin
                        + ": teach deploy/native-check.d/NativeArgs.java its builder equivalent");
            }
        }
    }

    static String value(String a) {
        return a.substring(a.indexOf('=') + 1);
    }

    static String suffix(String list, String suffix) {
        if (list.isEmpty()) {
            return suffix;
        }
        StringBuilder s = new StringBuilder();
        for (String e : list.split(",")) {
            s.append(s.length() == 0 ? "" : ",").append(e).append(suffix);
        }
        return s.toString();
    }

    boolean excluded(Path entry, String resource) {
        for (String[] e : excludes) {
            if (Pattern.compile(e[0]).matcher(entry.toString()).find()
                    && Pattern.compile(e[1]).matcher("/" + resource).find()) {
                return true;
            }
        }
        return false;
    }

    /** Reads META-INF/native-image/** of one class-path entry (a jar or a directory). */
    void metaInf(Path entry) throws IOException {
        List<String> names = new ArrayList<>();
        if (Files.isDirectory(entry)) {
            Path root = entry.resolve("META-INF/native-image");
            if (Files.isDirectory(root)) {
                try (var s = Files.walk(root)) {
                    s.filter(Files::isRegularFile).forEach(p -> names.add(entry.relativize(p).toString()));
                }
            }
            for (String name : names) {
                try (InputStream in = Files.newInputStream(entry.resolve(name))) {
                    resource(entry, name, in);
                }
            }
            return;
        }
        try (JarFile jf = new JarFile(entry.toFile())) {
            for (var en = jf.entries(); en.hasMoreElements();) {
                ZipEntry z = en.nextElement();
                if (!z.isDirectory() && z.getName().startsWith("META-INF/native-image/")) {
                    try (InputStream in = jf.getInputStream(z)) {
                        resource(entry, z.getName(), in);
                    }
                }
            }
        }
    }

    void resource(Path entry, String name, InputStream in) throws IOException {
        String file = name.substring(name.lastIndexOf('/') + 1);
        if (excluded(entry, name)) {
            report.add(entry.getFileName() + ": " + name + " excluded (--exclude-config)");
            return;
        }
        if (file.equals("native-image.properties")) {
            Properties p = new Properties();
            p.load(new StringReader(new String(in.readAllBytes(), StandardCharsets.UTF_8)));
            String dir = name.substring(0, name.lastIndexOf('/'));
            String origin = entry.getFileName() + "!/" + name;
            String args = p.getProperty("Args", "").replace("${.}", dir);
            if (!args.isBlank()) {
                report.add(origin + ": Args = " + args.trim());
                translate(new ArrayList<>(Arrays.asList(args.trim().split("\\s+"))), origin, entry.getParent());
            }
            String javaArgs = p.getProperty("JavaArgs", "").replace("${.}", dir);
            if (!javaArgs.isBlank()) {
                report.add(origin + ": JavaArgs = " + javaArgs.trim());
                jvm.addAll(Arrays.asList(javaArgs.trim().split("\\s+")));
            }
            return;
        }
        for (String[] c : CONFIG_FILES) {
            if (file.equals(c[0])) {
                configResources.add("-H:" + c[1] + "=" + name);
                report.add(entry.getFileName() + ": " + name);
            }
        }
    }
}
