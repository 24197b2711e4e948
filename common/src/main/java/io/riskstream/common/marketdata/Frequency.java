package io.riskstream.common.marketdata;

public enum Frequency { QUARTERLY, ANNUAL }
