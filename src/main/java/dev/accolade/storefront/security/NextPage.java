package dev.accolade.storefront.security;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.regex.Pattern;

/**
 * The page to go to after sign-in ({@code next}): only a path of this site, written with the
 * characters an address may hold; anything else (another site, a space, a control character, the
 * sign-in, sign-out or single sign-on pages themselves) is the home page.
 */
public final class NextPage {

    /** A path and query of printable ASCII without spaces, quotes, angle brackets or backslashes. */
    private static final Pattern PATH = Pattern.compile("/[A-Za-z0-9\\-._~!$&'()*+,;=:@/%?]{0,1999}");

    private NextPage() {
    }

    public static String safe(String next) {
        if (next == null || !PATH.matcher(next).matches() || next.startsWith("//") || next.startsWith("/login")
                || next.startsWith("/logout") || next.startsWith("/sso")) {
            return "/";
        }
        try {
            URI uri = new URI(next);
            return uri.getScheme() == null && uri.getRawAuthority() == null ? next : "/";
        } catch (URISyntaxException e) {
            return "/";
        }
    }
}
