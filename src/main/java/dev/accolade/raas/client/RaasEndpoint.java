package dev.accolade.raas.client;

/**
 * The RaaS v1 resources the client calls. A write may move money or send mail, so it is never
 * retried by the client, and a fault while it was in flight is reported as an unknown outcome.
 */
public enum RaasEndpoint {

    ACCOUNT_CREATE("POST accounts", true),
    ACCOUNT_GET("GET accounts/{customer}/{identifier}", false),
    FUND_CREATE("POST funds", true),
    CARD_REGISTER("POST cc_register", true),
    CARD_FUND("POST cc_fund", true),
    CARD_UNREGISTER("POST cc_unregister", true),
    REWARDS_LIST("GET rewards", false),
    ORDER_CREATE("POST orders", true),
    ORDER_GET("GET orders/{order_id}", false),
    ORDER_LIST("GET orders", false),
    ORDER_RESEND("POST orders/{order_id}/resend", true);

    private final String label;
    private final boolean write;

    RaasEndpoint(String label, boolean write) {
        this.label = label;
        this.write = write;
    }

    /** Method and path, as the spec names the resource; also the {@code endpoint} metric tag. */
    public String label() {
        return label;
    }

    public boolean write() {
        return write;
    }

    @Override
    public String toString() {
        return label;
    }
}
