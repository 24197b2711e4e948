package io.riskstream.portfolio.domain;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Each position's value on date D (legacy phase 4, §4.2, run for every computed date rather than skipped [§11.7]):
 * price = the latest close on or before D (with its date), market value = quantity × price × multiplier, weight =
 * market value / NAV, unrealised P&L = market value − quantity × entry price × multiplier. A private holding without
 * a price is valued at its entry price; a public symbol or option without any close is listed unpriced. A position
 * exited on or before D is valued at its exit, carries its realised P&L and is not part of the open totals.
 */
public final class PositionValuation {

    public enum Status { OPEN, UNPRICED, CLOSED }

    /** A position with the close the snapshot used for it (null: none on or before D). */
    public record Position(UUID id, String symbol, double quantity, double entryPrice, LocalDate entryDate,
                           LocalDate exitDate, Double exitPrice, Double price, LocalDate priceDate) {
    }

    public record Value(UUID positionId, String symbol, double quantity, Status status, Double price,
                        LocalDate priceDate, Double marketValue, Double weight, double costBasis, Double unrealizedPnl,
                        Double realizedPnl, String note) {
    }

    private PositionValuation() {
    }

    public static List<Value> values(LocalDate date, double nav, List<Position> positions) {
        List<Value> values = new ArrayList<>();
        for (Position p : positions) {
            if (p.entryDate().isAfter(date)) {
                continue;
            }
            InstrumentClass cls = InstrumentClass.of(p.symbol());
            int multiplier = cls.multiplier();
            double costBasis = p.quantity() * p.entryPrice() * multiplier;
            if (p.exitDate() != null && !p.exitDate().isAfter(date)) {
                Double exit = p.exitPrice() != null ? p.exitPrice() : p.price();
                String note = "closed on " + p.exitDate() + (p.exitPrice() != null ? "; valued at its exit price"
                        : exit != null ? "; no exit price recorded: valued at its last close" : "; no exit price or close");
                Double exitValue = exit == null ? null : p.quantity() * exit * multiplier;
                values.add(new Value(p.id(), p.symbol(), p.quantity(), Status.CLOSED, exit,
                        p.exitPrice() != null ? p.exitDate() : p.priceDate(), exitValue, null, costBasis, null,
                        exitValue == null ? null : exitValue - costBasis, note));
                continue;
            }
            Double price = p.price();
            LocalDate priceDate = p.priceDate();
            String note = null;
            if (price == null && cls == InstrumentClass.PRIVATE) {
                price = p.entryPrice();
                priceDate = null;
                note = "private holding: valued at its entry price";
            }
            if (price == null) {
                values.add(new Value(p.id(), p.symbol(), p.quantity(), Status.UNPRICED, null, null, null, null,
                        costBasis, null, null, "no close on or before " + date));
                continue;
            }
            double mv = p.quantity() * price * multiplier;
            values.add(new Value(p.id(), p.symbol(), p.quantity(), Status.OPEN, price, priceDate, mv,
                    nav > 0 ? mv / nav : null, costBasis, mv - costBasis, null, note));
        }
        return values;
    }
}
