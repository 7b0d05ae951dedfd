package io.nexusconnect.ebay.client.model;

/** Identity API {@code UserResponse}: who the seller is. */
public record EbayUser(String userId, String username, String accountType, String status,
                       BusinessAccount businessAccount, IndividualAccount individualAccount) {

    public record BusinessAccount(String name) {
    }

    public record IndividualAccount(String firstName, String lastName) {
    }
}
