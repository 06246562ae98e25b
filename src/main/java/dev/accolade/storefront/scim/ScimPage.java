package dev.accolade.storefront.scim;

import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Paging of list answers (RFC 7644 section 3.4.2.4): {@code startIndex} counts from 1 (less than 1 is
 * read as 1), {@code count} is the page's size (negative is read as 0, more than {@link #MAX} as
 * {@link #MAX}); anything that is not a whole number is an {@code invalidValue}.
 */
record ScimPage(int startIndex, int count) {

    static final int DEFAULT = 100;
    static final int MAX = 200;
    static final String LIST = "urn:ietf:params:scim:api:messages:2.0:ListResponse";

    static ScimPage of(String startIndex, String count) {
        long start = number(startIndex, "startIndex", 1);
        long size = number(count, "count", DEFAULT);
        return new ScimPage((int) Math.min(Math.max(start, 1), Integer.MAX_VALUE - MAX - 1),
                (int) Math.min(Math.max(size, 0), MAX));
    }

    private static long number(String value, String name, long otherwise) {
        if (value == null || value.isBlank()) {
            return otherwise;
        }
        try {
            return Long.parseLong(value.strip());
        } catch (NumberFormatException e) {
            throw ScimError.invalidValue(name + " must be a whole number.");
        }
    }

    /** A resource id as Accolade makes them (a positive whole number), or empty: no such resource. */
    static Optional<Long> id(String id) {
        if (id == null || !id.matches("[0-9]{1,18}")) {
            return Optional.empty();
        }
        return Optional.of(Long.parseLong(id));
    }

    static ObjectNode listResponse(ScimJson json, long total, int startIndex, List<ObjectNode> resources) {
        ObjectNode list = json.newObject();
        list.putArray("schemas").add(LIST);
        list.put("totalResults", total);
        list.put("startIndex", startIndex);
        list.put("itemsPerPage", resources.size());
        list.putArray("Resources").addAll(resources);
        return list;
    }
}
