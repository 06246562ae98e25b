package dev.accolade.storefront.directory;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.jboss.resteasy.reactive.RestForm;

import dev.accolade.common.EmailAddress;
import dev.accolade.common.FormErrors;
import dev.accolade.common.Forms;
import dev.accolade.common.PlainText;
import dev.accolade.common.WholeNumber;
import dev.accolade.storefront.directory.OccasionFields.Given;

/**
 * An employee as the edit form sends them; the rules are on {@link Entered}, the fields as read, and
 * the occasion fields' rules ({@link OccasionFields}, {@link Birthday}) in {@link #occasions}.
 */
public class EmployeeForm {

    private static final String NAME = "Enter the employee's name (up to 200 characters).";
    private static final String EMAIL = "Enter the employee's email address.";

    @RestForm
    public String name;
    @RestForm
    public String email;
    @RestForm
    public String department;
    @RestForm
    public String managerEmail;
    @RestForm
    public String startDate;
    @RestForm
    public String birthMonth;
    @RestForm
    public String birthDay;
    @RestForm
    public String timeZone;
    /** {@code ACTIVE} or {@code ON_LEAVE}; not sent for an employee who left, whose leave stays as it is. */
    @RestForm
    public String status;

    record Entered(
            @NotBlank(message = NAME) @Size(max = 200, message = NAME) @PlainText String name,
            @NotBlank(message = EMAIL) @EmailAddress(message = EMAIL) String email,
            @NotBlank(message = "Choose a department.") @WholeNumber(message = "Choose a department.") String department,
            @EmailAddress(message = "Enter the manager's email address, or leave it empty.") String managerEmail) {

        long departmentId() {
            return WholeNumber.Check.parse(department);
        }
    }

    Entered entered() {
        String manager = Forms.trim(managerEmail);
        return new Entered(Forms.trim(name), Forms.trim(email).toLowerCase(), Forms.trim(department),
                manager.isEmpty() ? null : manager.toLowerCase());
    }

    /**
     * The start date, birthday, time zone and leave as entered (an empty field clears its value), or
     * null after adding an error for each field that is wrong.
     */
    OccasionFields.Update occasions(FormErrors errors) {
        boolean valid = true;
        LocalDate start = null;
        if (!Forms.trim(startDate).isEmpty()) {
            try {
                start = OccasionFields.startDate(startDate);
            } catch (OccasionFields.Invalid invalid) {
                errors.add("startDate", sentence(invalid.getMessage()) + ".");
                valid = false;
            }
        }
        Birthday birthday = null;
        String month = Forms.trim(birthMonth);
        String day = Forms.trim(birthDay);
        if (month.isEmpty() != day.isEmpty()) {
            errors.add(month.isEmpty() ? "birthMonth" : "birthDay", month.isEmpty()
                    ? "Choose the month too, or set the day to \"not recorded\"."
                    : "Choose the day too, or set the month to \"not recorded\".");
            valid = false;
        } else if (!month.isEmpty()) {
            Integer m = number(month);
            Integer d = number(day);
            if (m == null || m < 1 || m > 12) {
                errors.add("birthMonth", "Choose a month from the list.");
                valid = false;
            } else if (d == null || d < 1 || d > 31) {
                errors.add("birthDay", "Choose a day from 1 to 31.");
                valid = false;
            } else {
                try {
                    birthday = new Birthday(m, d);
                } catch (Birthday.Invalid invalid) {
                    errors.add("birthDay", sentence(invalid.getMessage()) + ": choose another day.");
                    valid = false;
                }
            }
        }
        String zone = null;
        if (!Forms.trim(timeZone).isEmpty()) {
            try {
                zone = OccasionFields.timeZone(timeZone);
            } catch (OccasionFields.Invalid invalid) {
                errors.add("timeZone", "Choose a time zone from the list.");
                valid = false;
            }
        }
        Given<Boolean> onLeave = Given.absent();
        if (status != null) {
            switch (Forms.trim(status)) {
                case "ACTIVE" -> onLeave = Given.of(false);
                case "ON_LEAVE" -> onLeave = Given.of(true);
                default -> {
                    errors.add("status", "Choose Active or On leave.");
                    valid = false;
                }
            }
        }
        return valid ? new OccasionFields.Update(Given.of(start), Given.of(birthday), Given.of(zone), onLeave) : null;
    }

    private static Integer number(String s) {
        return s.matches("\\d{1,2}") ? Integer.valueOf(s) : null;
    }

    private static String sentence(String message) {
        return Character.toUpperCase(message.charAt(0)) + message.substring(1);
    }

    Map<String, String> values() {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("name", Forms.trim(name));
        values.put("email", Forms.trim(email));
        values.put("department", Forms.trim(department));
        values.put("managerEmail", Forms.trim(managerEmail));
        values.put("startDate", Forms.trim(startDate));
        values.put("birthMonth", Forms.trim(birthMonth));
        values.put("birthDay", Forms.trim(birthDay));
        values.put("timeZone", Forms.trim(timeZone));
        if (status != null) {
            values.put("status", Forms.trim(status));
        }
        return values;
    }
}
