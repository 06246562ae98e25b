package dev.accolade.storefront.security;

/** What a user may do: managers send, HR reads reports and audit, admins run the installation. */
public enum Role {
    MANAGER,
    HR,
    ADMIN;

    public static final String MANAGER_NAME = "MANAGER";
    public static final String HR_NAME = "HR";
    public static final String ADMIN_NAME = "ADMIN";

    /** The role as pages name it: one word everywhere ("Administrator", never "ADMIN"). */
    public String label() {
        return switch (this) {
            case MANAGER -> "Manager";
            case HR -> "HR";
            case ADMIN -> "Administrator";
        };
    }
}
