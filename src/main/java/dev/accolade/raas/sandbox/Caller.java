package dev.accolade.raas.sandbox;

import jakarta.enterprise.context.RequestScoped;

/** The platform authenticated for the current sandbox request. */
@RequestScoped
public class Caller {

    private String platform;

    void authenticate(String platform) {
        this.platform = platform;
    }

    /** The authenticated platform's name; every account and order lookup is scoped to it. */
    public String platform() {
        if (platform == null) {
            throw new IllegalStateException("no authenticated platform");
        }
        return platform;
    }
}
