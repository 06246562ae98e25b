package dev.accolade.storefront.audit;

/**
 * Who does something, as the audit trail records it: a person (their email, or null for a visitor
 * who is not signed in, recorded as {@code anonymous}) or a named system actor such as
 * {@code system:reconciler}; and the address the request came from, if there was a request.
 */
public record Actor(String name, String address) {

    /** A job of the application itself: named, with no client address. */
    public static Actor system(String name) {
        return new Actor(name, null);
    }

    /** The same request acting for someone it names, e.g. the email of a sign-in attempt. */
    public Actor named(String other) {
        return new Actor(other, address);
    }
}
