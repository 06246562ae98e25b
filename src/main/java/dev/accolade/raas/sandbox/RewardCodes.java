package dev.accolade.raas.sandbox;

import jakarta.enterprise.context.ApplicationScoped;

import dev.accolade.raas.sandbox.SandboxCatalog.Reward;

/**
 * Issues the sample credentials of a sandbox reward, shaped as the brand's real ones are: Amazon
 * claim codes ({@code PTP6-5RC9FG-AWMR}), Tango Card numbers with a PIN and a redemption page,
 * donation certificates as a redemption page only, and 16-digit card numbers with a PIN otherwise.
 * They have no value anywhere.
 */
@ApplicationScoped
public class RewardCodes {

    static final String CLAIM_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";

    private final RaasIds ids;

    RewardCodes(RaasIds ids) {
        this.ids = ids;
    }

    void issue(SandboxOrder order, Reward reward, String publicBase) {
        order.rewardToken = ids.rewardToken();
        String sku = reward.sku();
        String redeemPage = publicBase + "raas-sandbox/redeem/" + order.rewardToken;
        if (sku.startsWith("AMZN") || sku.startsWith("AMCA") || sku.startsWith("AMUK")) {
            order.rewardNumber = ids.code(CLAIM_ALPHABET, 4, 6, 4);
        } else if (sku.startsWith("TNGO")) {
            order.rewardNumber = ids.digits(16);
            order.rewardPin = ids.digits(6);
            order.rewardRedemptionUrl = redeemPage;
        } else if (sku.contains("-D-")) {
            order.rewardRedemptionUrl = redeemPage;
        } else {
            order.rewardNumber = ids.digits(16);
            order.rewardPin = ids.digits(4);
        }
    }
}
