package io.nexusconnect.sims.amazon.seed;

import io.nexusconnect.sims.amazon.model.ShipTo;

import java.util.List;
import java.util.Map;

/** Word lists and places the generated data is made of. Invented, but shaped like real listings and addresses. */
final class Catalog {
    record ProductKind(String productType, List<String> nouns, int minPriceCents, int maxPriceCents) {
    }

    static final List<ProductKind> KINDS = List.of(
            new ProductKind("LUGGAGE", List.of("Carry-On Spinner Suitcase", "Weekender Duffel Bag", "Travel Backpack"),
                    2_999, 24_999),
            new ProductKind("SHIRT", List.of("Crew Neck T-Shirt", "Oxford Button-Down Shirt", "Performance Polo"),
                    999, 5_999),
            new ProductKind("KITCHEN", List.of("Chef's Knife", "Cast Iron Skillet", "Pour-Over Coffee Maker"),
                    1_499, 12_999),
            new ProductKind("HOME_BED_AND_BATH", List.of("Cotton Bath Towel Set", "Linen Duvet Cover",
                    "Memory Foam Pillow"), 1_999, 15_999),
            new ProductKind("TOYS_AND_GAMES", List.of("Wooden Building Blocks", "Strategy Board Game", "Plush Bear"),
                    799, 6_999),
            new ProductKind("SPORTING_GOODS", List.of("Yoga Mat", "Adjustable Dumbbell", "Resistance Band Set"),
                    1_299, 19_999),
            new ProductKind("OFFICE_PRODUCTS", List.of("Gel Ink Pens", "Hardcover Notebook", "Desk Organizer"),
                    499, 3_999),
            new ProductKind("PET_SUPPLIES", List.of("Dog Chew Toy", "Cat Scratching Post", "Pet Water Fountain"),
                    699, 8_999));

    static final List<String> BRANDS = List.of("Nexus Goods", "Northwind", "Harbor & Pine", "Kestrel");
    static final List<String> ADJECTIVES = List.of("Classic", "Premium", "Everyday", "Compact", "Deluxe", "Eco",
            "Pro", "Ultra-Light");
    static final List<String> VARIANTS = List.of("Black", "Navy", "Sage Green", "Red", "Large", "Small", "2-Pack",
            "Stone Grey");

    static final Map<String, List<ShipTo>> PLACES = Map.of(
            "US", List.of(new ShipTo("SEATTLE", "WA", "98121", "US"), new ShipTo("CANTON", "MI", "48817", "US"),
                    new ShipTo("AUSTIN", "TX", "78701", "US"), new ShipTo("BROOKLYN", "NY", "11201", "US"),
                    new ShipTo("DENVER", "CO", "80202", "US"), new ShipTo("MIAMI", "FL", "33130", "US")),
            "CA", List.of(new ShipTo("TORONTO", "ON", "M5V 2T6", "CA"), new ShipTo("VANCOUVER", "BC", "V6B 1A1", "CA")),
            "MX", List.of(new ShipTo("CIUDAD DE MEXICO", "CDMX", "06600", "MX")),
            "BR", List.of(new ShipTo("SAO PAULO", "SP", "01310-100", "BR")),
            "GB", List.of(new ShipTo("LONDON", "Greater London", "EC1A 1BB", "GB"),
                    new ShipTo("LEEDS", "West Yorkshire", "LS1 4AP", "GB")),
            "DE", List.of(new ShipTo("BERLIN", "Berlin", "10115", "DE"), new ShipTo("MUENCHEN", "Bayern", "80331", "DE")),
            "FR", List.of(new ShipTo("PARIS", "Ile-de-France", "75001", "FR")),
            "IT", List.of(new ShipTo("MILANO", "MI", "20121", "IT")),
            "ES", List.of(new ShipTo("MADRID", "Madrid", "28013", "ES")),
            "JP", List.of(new ShipTo("TOKYO", "Tokyo", "100-0001", "JP")));

    /** The first group of an AmazonOrderId per region (US orders start 11x, European 30x, Japanese 50x). */
    static final Map<String, int[]> ORDER_ID_PREFIXES = Map.of(
            "NA", new int[]{111, 112, 113, 114}, "EU", new int[]{302, 303, 304, 305}, "FE", new int[]{503, 249, 250});

    /** US sales tax rates (ItemTax is added to ItemPrice, as in the model's examples). */
    static final List<String> TAX_RATES = List.of("0", "0.06", "0.0725", "0.0825", "0.0875");

    private Catalog() {
    }
}
