/**
 * The gift-card catalog. Persistence: the catalog every replica shares is one row of
 * {@code catalog_snapshot} (the catalog as JSON), read and written in plain JDBC ({@code CatalogStore});
 * it is a document, not entities, and its version is checked often and cheaply.
 */
package dev.accolade.storefront.catalog;
