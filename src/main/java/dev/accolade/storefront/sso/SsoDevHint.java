package dev.accolade.storefront.sso;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;

import io.quarkus.runtime.LaunchMode;
import io.quarkus.runtime.StartupEvent;

import dev.accolade.storefront.security.SsoConfig;

/** Dev mode: says at start whether "Sign in with SSO" will work, and how to make it work. */
@ApplicationScoped
class SsoDevHint {

    private static final Logger LOG = Logger.getLogger(SsoDevHint.class);

    void onStart(@Observes StartupEvent event, SsoConfig config, SsoProvider provider) {
        if (LaunchMode.current() != LaunchMode.DEVELOPMENT || !config.enabled()) {
            return;
        }
        SsoProvider.Discovery discovery = provider.discover();
        if (discovery.reachable()) {
            LOG.infof("Sign in with SSO: the identity provider at %s answers", config.issuer().orElse(""));
        } else {
            LOG.infof("Sign in with SSO needs the demo identity provider: start it with ./mvnw -f dev-idp exec:exec"
                    + " (passwords work meanwhile; %s)", discovery.problem());
        }
    }
}
