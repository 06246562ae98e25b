/**
 * Occasion programs (docs/occasions.md): work anniversaries, birthdays and welcome gifts that HR sets
 * up at {@code /programs}, prepared some days ahead as scheduled sends (package {@code schedule}) for
 * the employee's manager, who can change or skip them; untouched drafts go on the day.
 */
package dev.accolade.storefront.occasions;
