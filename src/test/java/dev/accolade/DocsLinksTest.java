package dev.accolade;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every reference in the documentation points at something that exists: the Markdown pages (README.md,
 * docs/, bench/ and deploy/) and the comments of application.properties, pom.xml and the scripts and
 * files under bench/, deploy/ and .ci/ ({@link DocsLinks} says what is checked). Plain JUnit: it reads
 * files, it starts nothing.
 */
class DocsLinksTest {

    @Test
    void everyReferenceInTheDocumentationPointsAtSomethingThatExists() {
        Path root = repositoryRoot();
        DocsLinks checker = new DocsLinks(root);
        List<Path> files = checker.documents();
        assertTrue(files.contains(root.resolve("README.md")), "README.md is checked");
        assertTrue(files.contains(root.resolve("bench/README.md")), "bench/README.md is checked");
        assertTrue(files.contains(root.resolve("src/main/resources/application.properties")),
                "application.properties is checked");
        assertTrue(files.stream().filter(f -> f.startsWith(root.resolve("docs"))).count() >= 5, "docs/ is checked");
        List<String> problems = new ArrayList<>();
        for (Path f : files) {
            problems.addAll(checker.check(f));
        }
        assertTrue(problems.isEmpty(), () -> problems.size() + " references to files or headings that do not exist:\n  "
                + String.join("\n  ", problems));
    }

    // --- The checker's own behaviour, on a small repository of its own ------------------------------

    @Test
    void aLinkToAMissingFileOrHeadingIsReported(@TempDir Path root) throws IOException {
        write(root, "docs/a.md", """
                # Page A

                ## Some section (`a.md`)

                See [b](b.md), [b's part](b.md#part-two), [here](#some-section-amd) and [the web](https://example.com/x.md).
                See [gone](gone.md), [b's nothing](b.md#nothing), [no here](#nowhere) and [up](../README.md#top).
                """);
        write(root, "docs/b.md", "# B\n\n## Part two\n");
        write(root, "README.md", "# Top\n");
        List<String> problems = new DocsLinks(root).check(root.resolve("docs/a.md"));
        assertEquals(List.of(
                "docs/a.md:6: gone.md: no such file",
                "docs/a.md:6: b.md#nothing: no heading 'nothing' in docs/b.md",
                "docs/a.md:6: #nowhere: no heading 'nowhere' in docs/a.md"), problems);
    }

    @Test
    void repositoryPathsInCommentsAndPagesMustExist(@TempDir Path root) throws IOException {
        write(root, "bench/run", "#!/usr/bin/env bash\n# See bench/README.md and docs/gone.md.\necho bench/nothing\n");
        write(root, "bench/README.md", "# Benchmarks\n\nRun `bench/run`, not `bench/walk`; output in `bench/out/x`.\n");
        write(root, "src/main/resources/application.properties", """
                # see README.md#configuration, docs/missing.md#x and native/README.md
                a.b=c # not a comment: docs/value.md
                """);
        write(root, "README.md", "# Accolade\n\n## Configuration\n");
        write(root, "pom.xml", "<project><!-- see README.md, \"Tests\" --></project>\n");
        DocsLinks checker = new DocsLinks(root);
        assertEquals(List.of("bench/run:2: docs/gone.md: no such file"), checker.check(root.resolve("bench/run")));
        assertEquals(List.of("bench/README.md:3: bench/walk: no such file"),
                checker.check(root.resolve("bench/README.md")));
        assertEquals(List.of(
                "src/main/resources/application.properties:1: docs/missing.md#x: no such file",
                "src/main/resources/application.properties:1: native/README.md: no such file"),
                checker.check(root.resolve("src/main/resources/application.properties")));
        assertEquals(List.of("pom.xml:1: README.md, \"Tests\": no heading 'Tests' in README.md"),
                checker.check(root.resolve("pom.xml")));
    }

    @Test
    void headingsBecomeAnchorsAsOnGitHub() {
        assertEquals("reports-reports", DocsLinks.slug("Reports (`/reports`)"));
        assertEquals("2026-11-29-start-up", DocsLinks.slug("2026-11-29: start-up"));
        assertEquals("the-jvm-images-start-up-cache", DocsLinks.slug("The JVM image's start-up cache"));
        assertEquals("integration-tests-it-failsafe", DocsLinks.slug("Integration tests (`*IT`, failsafe)"));
        assertEquals("see-the-docs", DocsLinks.slug("See [the docs](docs/a.md)"));
    }

    @Test
    void repeatedHeadingsGetNumberedAnchors(@TempDir Path root) throws IOException {
        write(root, "a.md", "# A\n\n## Notes\n\n## Notes\n\n```\n# not a heading\n```\n\n[x](#notes-1) [y](#not-a-heading)\n");
        assertEquals(List.of("a.md:11: #not-a-heading: no heading 'not-a-heading' in a.md"),
                new DocsLinks(root).check(root.resolve("a.md")));
    }

    private static void write(Path root, String file, String text) throws IOException {
        Path p = root.resolve(file);
        Files.createDirectories(p.getParent());
        Files.writeString(p, text);
    }

    private static Path repositoryRoot() {
        Path p = Path.of("").toAbsolutePath();
        while (p != null && !(Files.exists(p.resolve("pom.xml")) && Files.exists(p.resolve("README.md")))) {
            p = p.getParent();
        }
        assertTrue(p != null, "the repository root (pom.xml and README.md) is above " + Path.of("").toAbsolutePath());
        return p;
    }
}
