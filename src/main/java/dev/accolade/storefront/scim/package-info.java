/**
 * SCIM 2.0 provisioning (RFC 7643, RFC 7644) at {@code /scim/v2}: the company's identity provider
 * creates, changes and deactivates employees and places them in departments (groups), with a bearer
 * token an administrator made. Persistence: the tokens are a Panache entity, looked up per call by
 * their hash in one plain JDBC read; users and groups are the directory's employees and departments,
 * changed through {@code directory.EmployeeLifecycle} so that the same rules hold as in the admin pages.
 */
package dev.accolade.storefront.scim;
