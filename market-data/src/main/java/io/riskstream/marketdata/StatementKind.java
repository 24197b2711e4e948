package io.riskstream.marketdata;

public enum StatementKind { INCOME, BALANCE_SHEET, CASH_FLOW }
