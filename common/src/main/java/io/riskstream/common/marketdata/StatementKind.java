package io.riskstream.common.marketdata;

public enum StatementKind { INCOME, BALANCE_SHEET, CASH_FLOW }
