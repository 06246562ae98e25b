package dev.accolade.storefront.orders;

/**
 * An order refused before it was stored because what it would be charged to cannot cover it (its
 * department's budget, or the manager's allowance). Nothing was stored and RaaS was not called.
 */
public class NotCovered extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public NotCovered(String message) {
        super(message, null, false, false);
    }
}
