package dev.accolade.common;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import jakarta.inject.Inject;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/** The form rules every form shares: their messages, word for word, and what they accept. */
@QuarkusTest
class FormRulesTest {

    record Form(
            @EmailAddress(message = "email") String email,
            @Amount(min = 100, max = 500_000, message = "Enter an amount from {min} to {max}.") String amount,
            @MaxLength(value = 5, message = "At most {value} characters (it has {length}).") String text,
            @WholeNumber(message = "Choose one.") String id) {
    }

    @Inject
    Validator validator;

    private List<String> messages(Form form) {
        return validator.validate(form).stream().map(ConstraintViolation::getMessage).sorted().toList();
    }

    private static Form valid() {
        return new Form("ada@example.com", "25", "abc", "");
    }

    @Test
    void aValidFormHasNoMessage() {
        assertEquals(List.of(), messages(valid()));
        assertEquals(List.of(), messages(new Form("", "$1,250.50", null, " 12 ")));
    }

    @Test
    void anEmailAddressNeedsAnAtADottedDomainAndNoSpaces() {
        for (String wrong : List.of("ada", "ada@example", "ada @example.com", "@example.com", "a".repeat(250) + "@x.com")) {
            assertEquals(List.of("email"), messages(new Form(wrong, "25", null, "")), wrong);
        }
        assertEquals(List.of(), messages(new Form("a.b+c@d.e.fr", "25", null, "")));
    }

    @Test
    void anAmountOutOfItsRangeNamesTheRangeInDollars() {
        assertEquals(List.of("Enter an amount from $1.00 to $5,000.00."), messages(new Form("", "0.99", null, "")));
        assertEquals(List.of("Enter an amount from $1.00 to $5,000.00."), messages(new Form("", "", null, "")));
        assertEquals(List.of("Enter an amount from $1.00 to $5,000.00."), messages(new Form("", "5000.01", null, "")));
    }

    @Test
    void aDecimalCommaIsNamedAsTheMistake() {
        assertEquals(List.of(Dollars.DECIMAL_COMMA), messages(new Form("", "12,50", null, "")));
    }

    @Test
    void aTooLongTextSaysHowLongItIs() {
        assertEquals(List.of("At most 5 characters (it has 7)."), messages(new Form("", "25", "1234567", "")));
    }

    @Test
    void anIdIsAWholeNumberOrNothing() {
        assertEquals(List.of("Choose one."), messages(new Form("", "25", null, "x")));
        assertEquals(List.of("Choose one."), messages(new Form("", "25", null, "99999999999999999999")));
        assertEquals(List.of(), messages(new Form("", "25", null, "-3")));
    }
}
