/**
 * Departments, employees (edited, deactivated and reactivated by {@code EmployeeLifecycle}, whoever
 * asks) and the employee file import, which keeps the changes it applied. Persistence: Panache entities, except the
 * directory lookup of each send's recipient ({@code Colleagues}): one indexed read in plain JDBC with
 * auto-commit, before the send's transaction, holding its connection for that read only.
 */
package dev.accolade.storefront.directory;
