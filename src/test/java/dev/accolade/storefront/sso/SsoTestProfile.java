package dev.accolade.storefront.sso;

import java.util.List;
import java.util.Map;

import io.quarkus.test.junit.QuarkusTestProfile;

/** Single sign-on against the test provider: roles and departments from claims, users created at first sign-in. */
public class SsoTestProfile implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("accolade.sso.enabled", "true", "accolade.sso.role-claim", "groups",
                "accolade.sso.department-claim", "department", "accolade.sso.create-users", "true",
                "accolade.sso.provider-name", "Example SSO");
    }

    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(new TestResourceEntry(OidcProviderProcess.class));
    }
}
