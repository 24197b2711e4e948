package io.riskstream.marketdata;

public enum Frequency { QUARTERLY, ANNUAL }
