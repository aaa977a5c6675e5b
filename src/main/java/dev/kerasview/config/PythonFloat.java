package dev.kerasview.config;

import java.math.BigDecimal;

/** Formats a double as Python's {@code repr(float)}: shortest round-trip digits, Python's exponent rules. */
final class PythonFloat {

    private PythonFloat() {
    }

    static String repr(double d) {
        if (d == 0) {
            return (1 / d < 0) ? "-0.0" : "0.0";
        }
        // Java's Double.toString is also shortest-round-trip (JDK 19+ exactly; 17 nearly always),
        // so take its digits and re-layout them the way Python does.
        BigDecimal bd = new BigDecimal(Double.toString(d)).stripTrailingZeros();
        String digits = bd.unscaledValue().abs().toString();
        int exponent = digits.length() - 1 - bd.scale(); // decimal exponent of the first digit
        String sign = d < 0 ? "-" : "";
        if (exponent < -4 || exponent >= 16) {
            String mantissa = digits.length() == 1 ? digits : digits.charAt(0) + "." + digits.substring(1);
            return sign + mantissa + "e" + (exponent < 0 ? "-" : "+") + String.format("%02d", Math.abs(exponent));
        }
        if (exponent >= digits.length() - 1) {
            return sign + digits + "0".repeat(exponent - digits.length() + 1) + ".0";
        }
        if (exponent >= 0) {
            return sign + digits.substring(0, exponent + 1) + "." + digits.substring(exponent + 1);
        }
        return sign + "0." + "0".repeat(-exponent - 1) + digits;
    }
}
