package dev.accolade.storefront.orders;

import java.util.List;

/**
 * The rewards a manager asked for that wait for their time before they become orders (the
 * {@code schedule} feature implements it, so this package knows nothing of schedules).
 */
public interface WaitingSends {

    /** The user's waiting sends, soonest first. */
    List<WaitingSend> of(long requesterId);
}
