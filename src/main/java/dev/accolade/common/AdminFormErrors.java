package dev.accolade.common;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Named;

import dev.accolade.common.Flash;

/**
 * The field errors and values an admin form was sent back with, as templates read them:
 * {@code {inject:adminForm.error('amount')}}.
 */
@Named("adminForm")
@RequestScoped
public class AdminFormErrors {

    private final Flash flash;

    AdminFormErrors(Flash flash) {
        this.flash = flash;
    }

    public boolean has(String field) {
        return flash.has(AdminForms.ERROR + field);
    }

    public String error(String field) {
        return flash.get(AdminForms.ERROR + field);
    }

    /** The error of a field of a registered card's form. */
    public String cardError(Long card, String field) {
        return error("card" + card + "." + field);
    }

    /** The amount a registered card's form was sent back with. */
    public String cardAmount(Long card) {
        return flash.get("card" + card + ".amount");
    }
}
