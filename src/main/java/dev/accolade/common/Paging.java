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
            return page != null && page.trim().matches("\\d+") ? Integer.MAX_VALUE : 1;
        }
    }

    /**
     * The page asked for, no further than the last page whose first row's offset still fits an
     * {@code int} (the offset a query is given): a page number past every row shows an empty page,
     * never a failure.
     */
    public static int pageNumber(String page, int pageSize) {
        return clamp(pageNumber(page), pageSize);
    }

    /** The page, at least 1 and at most the last page a query can be asked for with {@code pageSize} rows. */
    public static int clamp(Integer page, int pageSize) {
        int p = page == null || page < 1 ? 1 : page;
        return Math.min(p, Integer.MAX_VALUE / pageSize);
    }
}
