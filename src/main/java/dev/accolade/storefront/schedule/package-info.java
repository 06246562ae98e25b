/**
 * Scheduled sends ("send later"). Persistence: {@link dev.accolade.storefront.schedule.ScheduledSend} is
 * a Panache entity; every change of its state is a conditional update of a row still in the state it
 * leaves (a claim {@code where state = 'SCHEDULED' and due_at <= :now}, a cancel or edit
 * {@code where state in ('SCHEDULED', 'OVERDUE')}), in the transaction that also reserves or releases
 * its budget amount, so of any number of replicas and clicks one wins. Its order is placed under the
 * send's own token through the exactly-once send path, which takes the reservation over.
 */
package dev.accolade.storefront.schedule;
