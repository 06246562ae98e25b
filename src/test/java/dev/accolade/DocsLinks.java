package dev.accolade;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Finds the references in the repository's documentation and says which point at nothing: relative
 * Markdown links (and their #anchors, against the headings of the page they name, made into anchors
 * as GitHub does), repository paths such as {@code bench/run} or {@code docs/testing.md#build-notes},
 * any {@code name.md}, "see &lt;path&gt;", and {@code file.md, "Heading"}. In a Markdown page every
 * line is read; elsewhere only the comments (# lines and trailing # comments, -- in Lua and SQL,
 * &lt;!-- --&gt; in XML, # and ! lines in properties files).
 */
final class DocsLinks {

    /** Directories the build or the benchmarks write: what they hold is not documentation's business. */
    private static final Set<String> GENERATED = Set.of("target", "node_modules", "data", ".git", "out");

    private static final Pattern LINK = Pattern.compile("\\[[^\\]]*\\]\\(([^)\\s]+)(?:\\s+\"[^\"]*\")?\\)");
    private static final Pattern SCHEME = Pattern.compile("^[a-zA-Z][a-zA-Z0-9+.-]*:");
    /** A word ending in .md, not part of a longer path or address. */
    private static final Pattern MARKDOWN_FILE = Pattern.compile(
            "(?<![\\w./$~@-])((?:[\\w.-]+/)*[\\w.-]+\\.md)(#[\\w-]+)?(?![\\w/-])");
    private static final Pattern SEE = Pattern.compile(
            "\\b[Ss]ee\\s+(?:the\\s+)?`?((?:[\\w.-]+/)+[\\w.-]*\\w|[\\w-]+\\.[a-z]{1,8})(?![\\w/-])");
    private static final Pattern SECTION = Pattern.compile("(?<![\\w./-])([\\w./-]+\\.md), \"([^\"]+)\"");
    /** A shell, YAML or Dockerfile comment after code: a # after a space and before one. */
    private static final Pattern TRAILING_COMMENT = Pattern.compile("(?:^|\\s)#\\s(.*)$");
    private static final Pattern HEADING = Pattern.compile("^ {0,3}(#{1,6})\\s+(.*?)\\s*#*\\s*$");

    private final Path root;
    private final Pattern repositoryPath;
    private final Map<Path, Set<String>> anchors = new HashMap<>();

    DocsLinks(Path root) {
        this.root = root;
        Set<String> dirs = new LinkedHashSet<>(List.of(".ci", "bench", "deploy", "docs", "src", "src-frontend"));
        try (Stream<Path> top = Files.list(root)) {
            top.filter(Files::isDirectory).map(d -> d.getFileName().toString())
                    .filter(n -> !GENERATED.contains(n) && !n.equals(".mvn") && !n.equals(".idea"))
                    .forEach(dirs::add);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String alternatives = String.join("|", dirs.stream().map(Pattern::quote).toList());
        repositoryPath = Pattern.compile("(?<![\\w./$~@-])((?:" + alternatives + ")/[^\\s`'\"(),;:\\]\\[|]*)");
    }

    /** The files whose references are checked. */
    List<Path> documents() {
        List<Path> files = new ArrayList<>();
        files.add(root.resolve("README.md"));
        files.add(root.resolve("pom.xml"));
        files.add(root.resolve("src/main/resources/application.properties"));
        for (String dir : List.of("docs", "bench", "deploy", ".ci")) {
            Path d = root.resolve(dir);
            if (!Files.isDirectory(d)) {
                continue;
            }
            try (Stream<Path> walk = Files.walk(d)) {
                walk.filter(Files::isRegularFile)
                        .filter(f -> !generated(root.relativize(f)))
                        .filter(f -> dir.equals("docs") ? f.toString().endsWith(".md") : checkedType(f))
                        .sorted().forEach(files::add);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return files.stream().filter(Files::isRegularFile).toList();
    }

    private static boolean generated(Path relative) {
        for (Path part : relative) {
            if (GENERATED.contains(part.toString())) {
                return true;
            }
        }
        return false;
    }

    private static boolean checkedType(Path f) {
        String n = f.getFileName().toString();
        return !(n.endsWith(".java") || n.endsWith(".html") || n.endsWith(".js") || n.endsWith(".json")
                || n.endsWith(".css"));
    }

    /** The problems of one file, as "path:line: reference: why". */
    List<String> check(Path file) {
        String name = root.relativize(file).toString();
        List<String> problems = new ArrayList<>();
        List<Line> lines = lines(file);
        for (Line line : lines) {
            String where = name + ":" + line.number() + ": ";
            if (line.markdown() && !line.code()) {
                Matcher m = LINK.matcher(line.text());
                while (m.find()) {
                    String target = m.group(1);
                    if (SCHEME.matcher(target).find()) {
                        continue;
                    }
                    problem(where, target, file.getParent(), file).ifPresent(problems::add);
                }
            }
            String text = line.markdown() ? LINK.matcher(line.text()).replaceAll("") : line.text();
            Set<String> seen = new LinkedHashSet<>();
            Matcher p = repositoryPath.matcher(text);
            while (p.find()) {
                seen.add(trimmed(p.group(1)));
            }
            Matcher md = MARKDOWN_FILE.matcher(text);
            while (md.find()) {
                seen.add(md.group(1) + (md.group(2) == null ? "" : md.group(2)));
            }
            Matcher see = SEE.matcher(text);
            while (see.find()) {
                seen.add(trimmed(see.group(1)));
            }
            for (String reference : seen) {
                if (placeholder(reference) || generated(Path.of(reference.split("#", 2)[0]))) {
                    continue;
                }
                // A path in prose is the repository's; in a page it may also be relative to the page.
                Optional<String> fromRoot = problem(where, reference, root, file);
                if (fromRoot.isPresent() && (!line.markdown() || problem(where, reference, file.getParent(), file)
                        .isPresent())) {
                    problems.add(fromRoot.get());
                }
            }
            Matcher s = SECTION.matcher(text);
            while (s.find()) {
                Path target = root.resolve(s.group(1)).normalize();
                if (!Files.isRegularFile(target)) {
                    problems.add(where + s.group(0) + ": no such file");
                } else if (!anchorsOf(target).contains(slug(s.group(2)))) {
                    problems.add(where + s.group(0) + ": no heading '" + s.group(2) + "' in "
                            + root.relativize(target));
                }
            }
        }
        return problems;
    }

    private static boolean placeholder(String reference) {
        return reference.isEmpty() || reference.chars().anyMatch(c -> "<>*…{}$%".indexOf(c) >= 0);
    }

    private static String trimmed(String reference) {
        String r = reference;
        while (r.endsWith(".")) {
            r = r.substring(0, r.length() - 1);
        }
        return r;
    }

    /** Why REFERENCE (a path, relative to BASE, with an optional #anchor) points at nothing, if it does. */
    private Optional<String> problem(String where, String reference, Path base, Path from) {
        String[] parts = reference.split("#", 2);
        Path target = parts[0].isEmpty() ? from : base.resolve(parts[0]).normalize();
        if (!target.startsWith(root) || !Files.exists(target)) {
            return Optional.of(where + reference + ": no such file");
        }
        if (parts.length == 2 && target.toString().endsWith(".md") && !anchorsOf(target).contains(parts[1])) {
            return Optional.of(where + reference + ": no heading '" + parts[1] + "' in " + root.relativize(target));
        }
        return Optional.empty();
    }

    private Set<String> anchorsOf(Path markdown) {
        return anchors.computeIfAbsent(markdown, f -> {
            Set<String> found = new LinkedHashSet<>();
            Map<String, Integer> counts = new HashMap<>();
            for (Line line : lines(f)) {
                Matcher h = line.code() ? null : HEADING.matcher(line.text());
                if (h != null && h.matches()) {
                    String s = slug(h.group(2));
                    int n = counts.merge(s, 1, Integer::sum);
                    found.add(n == 1 ? s : s + "-" + (n - 1));
                }
            }
            return found;
        });
    }

    /** GitHub's anchor for a heading: lower case, links reduced to their text, punctuation dropped, spaces as hyphens. */
    static String slug(String heading) {
        String text = heading.replaceAll("\\[([^\\]]*)\\]\\([^)]*\\)", "$1").toLowerCase(Locale.ROOT);
        StringBuilder b = new StringBuilder();
        text.codePoints().forEach(c -> {
            if (Character.isLetterOrDigit(c) || c == '-' || c == '_') {
                b.appendCodePoint(c);
            } else if (c == ' ') {
                b.append('-');
            }
        });
        return b.toString();
    }

    /** One line to look at: the whole line of a page, or the comment part of a line elsewhere. */
    record Line(int number, String text, boolean markdown, boolean code) {
    }

    private static List<Line> lines(Path file) {
        List<String> all;
        try {
            all = Files.readAllLines(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String n = file.getFileName().toString();
        List<Line> out = new ArrayList<>();
        if (n.endsWith(".md")) {
            boolean fenced = false;
            for (int i = 0; i < all.size(); i++) {
                String l = all.get(i);
                boolean fence = l.stripLeading().startsWith("```");
                out.add(new Line(i + 1, l, true, fenced || fence));
                if (fence) {
                    fenced = !fenced;
                }
            }
        } else if (n.endsWith(".xml")) {
            boolean open = false;
            for (int i = 0; i < all.size(); i++) {
                String l = all.get(i);
                StringBuilder comment = new StringBuilder();
                int at = 0;
                while (at < l.length()) {
                    if (!open) {
                        int start = l.indexOf("<!--", at);
                        if (start < 0) {
                            break;
                        }
                        open = true;
                        at = start + 4;
                    } else {
                        int end = l.indexOf("-->", at);
                        comment.append(l, at, end < 0 ? l.length() : end).append(' ');
                        if (end < 0) {
                            break;
                        }
                        open = false;
                        at = end + 3;
                    }
                }
                add(out, i + 1, comment.toString());
            }
        } else if (n.endsWith(".lua") || n.endsWith(".sql")) {
            for (int i = 0; i < all.size(); i++) {
                int at = all.get(i).indexOf("--");
                add(out, i + 1, at < 0 ? "" : all.get(i).substring(at + 2));
            }
        } else {
            boolean properties = n.endsWith(".properties");
            for (int i = 0; i < all.size(); i++) {
                String l = all.get(i);
                String t = l.stripLeading();
                if (t.startsWith("#!")) {
                    continue;
                }
                if (t.startsWith("#") || (properties && t.startsWith("!"))) {
                    add(out, i + 1, t.substring(1));
                } else if (!properties) {
                    Matcher trailing = TRAILING_COMMENT.matcher(l);
                    if (trailing.find()) {
                        add(out, i + 1, trailing.group(1));
                    }
                }
            }
        }
        return out;
    }

    private static void add(List<Line> out, int number, String comment) {
        if (!comment.isBlank()) {
            out.add(new Line(number, comment, false, false));
        }
    }
}
