package dev.accolade.storefront.mail;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/**
 * The messages, each a text and an HTML template ({@code templates/mail/<name>.txt} and
 * {@code .html}, the HTML ones in {@code mail/layout.html}). {@code prefs} is the link to the
 * recipient's notice choices, for the messages they may turn off.
 */
@CheckedTemplate(basePath = "mail")
class MailTemplates {

    static native TemplateInstance invitation(String name, String link, String expires, String invitedBy);

    static native TemplateInstance passwordReset(String name, String link, String expires);

    static native TemplateInstance rewardFailed(String name, Notices.Reward reward, String link, String prefs);

    static native TemplateInstance rewardChecking(String name, Notices.Reward reward, String link, String prefs);

    static native TemplateInstance lowBalance(String name, Notices.Balance balance, String link, String prefs);

    static native TemplateInstance weeklyDigest(String name, Notices.Week week, String link, String prefs);

    static native TemplateInstance approvalRequested(String name, Notices.Approval approval, String link, String prefs);

    static native TemplateInstance lowBudget(String name, Notices.BudgetLeft budget, String link, String prefs);

    static native TemplateInstance approvalDecided(String name, Notices.Approval approval, Notices.Decision decision,
            String reason, String link, String prefs);

    static native TemplateInstance batchFinished(String name, Notices.Batch batch, String link, String prefs);
}
