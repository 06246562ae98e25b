package dev.accolade.storefront.browser;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A test that drives Chromium. It runs when a usable Chromium is found ({@link ChromiumExecutable}),
 * is skipped with the reason when none is, and fails instead of skipping when
 * {@code accolade.browser-tests=required} (as in CI), so a skip can never hide a failure there.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Tag(BrowserTest.TAG)
@ExtendWith(ChromiumCondition.class)
public @interface BrowserTest {

    String TAG = "browser";
}
