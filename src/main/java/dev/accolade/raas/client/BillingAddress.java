package dev.accolade.raas.client;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/** The billing address of a credit card; {@code country} is optional (RaaS assumes USA). */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record BillingAddress(@JsonProperty("f_name") String firstName, @JsonProperty("l_name") String lastName,
        String address, String city, String state, String zip, String country, String email) {
}
