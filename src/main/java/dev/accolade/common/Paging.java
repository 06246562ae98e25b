package dev.accolade.common;

/** Page numbers as pages receive them in a query string. */
public final class Paging {

    private Paging() {
    }

    /** The page asked for; anything that is not a positive number is the first page. */
    public static int pageNumber(String page) {
        try {
            return page == null ? 1 : Math.max(1, Integer.parseInt(page.trim()));
        } catch (NumberFormatException e) {
            return 1;
        }
    }
}
