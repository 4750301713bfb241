package org.holidaydesk.assistant.config;

import jakarta.validation.constraints.NotBlank;
import java.math.BigDecimal;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * What Meta's billable messages cost, for the dashboard: an operator-set price table, optional.
 *
 * @param currency the currency of every price in the table
 * @param prices   price of one billable message by market and category: the market is a recipient's
 *                 country calling code ({@code "40"} for Romania), or {@code default} for every market not
 *                 listed; the category is the one of Meta's {@code pricing} ({@code service}, {@code utility},
 *                 {@code marketing}, {@code authentication}, {@code referral_conversion}). Empty: counts only
 */
@Validated
@ConfigurationProperties("assistant.billing")
public record BillingProperties(@NotBlank String currency, Map<String, Map<String, BigDecimal>> prices) {

    /** The market every recipient falls into that no calling code of the table names. */
    public static final String DEFAULT_MARKET = "default";

    public BillingProperties {
        prices = prices == null ? Map.of() : Map.copyOf(prices);
    }

    /**
     * The price of one message of {@code category} to {@code recipient}: the longest calling code of the table
     * that starts the recipient's number, else the default market; null when the table names none.
     */
    public BigDecimal priceOf(String category, String recipient) {
        String market = DEFAULT_MARKET;
        if (recipient != null && recipient.chars().allMatch(Character::isDigit)) {
            for (String code : prices.keySet()) {
                if (!code.equals(DEFAULT_MARKET)
                        && recipient.startsWith(code)
                        && (market.equals(DEFAULT_MARKET) || code.length() > market.length())) {
                    market = code;
                }
            }
        }
        Map<String, BigDecimal> table = prices.get(market);
        BigDecimal price = table == null ? null : table.get(category);
        if (price == null && !market.equals(DEFAULT_MARKET)) {
            Map<String, BigDecimal> fallback = prices.get(DEFAULT_MARKET);
            price = fallback == null ? null : fallback.get(category);
        }
        return price;
    }
}
