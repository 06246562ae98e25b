package dev.accolade.raas.sandbox;

import java.time.OffsetDateTime;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** Money put into an account, by card details ({@code funds}) or a registered card ({@code cc_fund}). */
@Entity
@Table(name = "sandbox_fund")
public class SandboxFund extends PanacheEntityBase {

    @Id
    public long id;
    public String fundId;
    public String platform;
    public String customer;
    public String accountIdentifier;
    public long amount;
    public String ccToken;
    public OffsetDateTime createdAt;
}
