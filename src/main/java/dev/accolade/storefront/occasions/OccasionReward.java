package dev.accolade.storefront.occasions;

import java.util.List;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A program's reward: for anniversaries one per years of service, for birthdays and welcomes one with years 0. */
@Entity
@Table(name = "occasion_reward")
public class OccasionReward extends PanacheEntityBase {

    @Id
    @SequenceGenerator(name = "occasion_reward_seq", sequenceName = "occasion_reward_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "occasion_reward_seq")
    public Long id;
    public Long programId;
    public int years;
    public String sku;
    public long amount;
    public String messageTemplate;

    public static List<OccasionReward> of(long programId) {
        return list("programId = ?1 order by years", programId);
    }
}
