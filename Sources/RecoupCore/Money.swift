/// An amount of money in integer minor units (fen for CNY, cents elsewhere).
///
/// Money never passes through floating point: amounts are parsed from and printed as decimal
/// strings with exactly two fractional digits, and every division names its `RoundingMode`.
public struct Money: Sendable, Hashable, Comparable, Codable {
    /// The amount in minor units: `Money(minorUnits: 12345)` is 123.45.
    public var minorUnits: Int64

    public init(minorUnits: Int64) { self.minorUnits = minorUnits }

    public static let zero = Money(minorUnits: 0)

    public static func + (a: Money, b: Money) -> Money { Money(minorUnits: a.minorUnits + b.minorUnits) }
    public static func - (a: Money, b: Money) -> Money { Money(minorUnits: a.minorUnits - b.minorUnits) }
    public static func += (a: inout Money, b: Money) { a.minorUnits += b.minorUnits }
    public static func -= (a: inout Money, b: Money) { a.minorUnits -= b.minorUnits }
    public static prefix func - (a: Money) -> Money { Money(minorUnits: -a.minorUnits) }
    public static func < (a: Money, b: Money) -> Bool { a.minorUnits < b.minorUnits }

    public var isZero: Bool { minorUnits == 0 }
    public var isPositive: Bool { minorUnits > 0 }
    public var isNegative: Bool { minorUnits < 0 }

    /// The canonical decimal text: `-3.50`, `0.00`, `12345.60` (no separators, no symbol).
    public var description: String {
        let magnitude = minorUnits.magnitude
        let units = magnitude / 100, cents = magnitude % 100
        return (minorUnits < 0 ? "-" : "") + String(units) + "." + (cents < 10 ? "0" : "") + String(cents)
    }

    /// The amount with thousands separators for reading on screen: `1,234,567.89`.
    public var grouped: String {
        // Digits written into a small byte buffer from the right (Tab describes 200 customers by
        // their balance on a keystroke; the Character-by-Character version was a tenth of it).
        var bytes = [UInt8](repeating: 0, count: 32)
        var at = bytes.count
        func put(_ b: UInt8) {
            at -= 1
            bytes[at] = b
        }
        let magnitude = minorUnits.magnitude
        var cents = magnitude % 100, units = magnitude / 100
        put(0x30 + UInt8(cents % 10)); cents /= 10
        put(0x30 + UInt8(cents))
        put(0x2E)
        var written = 0
        repeat {
            if written > 0 && written % 3 == 0 { put(0x2C) }
            put(0x30 + UInt8(units % 10))
            units /= 10
            written += 1
        } while units > 0
        if minorUnits < 0 { put(0x2D) }
        return String(decoding: bytes[at...], as: UTF8.self)
    }

    /// Parses a canonical decimal amount: optional `-`, digits, optional `.` and one or two digits.
    ///
    /// Three fractional digits, thousands separators, currency symbols, exponents and blanks are
    /// rejected (never rounded) with a reason a user can act on.
    public static func parse(_ text: String) -> Result<Money, MoneyParseError> {
        parse(utf8: Array(text.utf8)[...])
    }

    /// An amount as a person types it at the prompt or in a script: the canonical form of `parse(_:)`,
    /// or with thousands separators in their places (`5,000`, `1,234,567.89`), a currency sign
    /// before it (`¥5,000`, `￥5000`) or 元 after it (`5000元`). Files keep the canonical form
    /// (`parse`): a CSV's `5,000` is still refused with its reason, as the interchange spec says.
    public static func parseTyped(_ text: String) -> Result<Money, MoneyParseError> {
        var t = Substring(text)
        var negative = false
        if t.first == "-" {
            negative = true
            t = t.dropFirst()
        }
        if t.first == "¥" || t.first == "￥" { t = t.dropFirst() }
        if t.last == "元" { t = t.dropLast() }
        if t.contains(",") {
            let parts = t.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)
            let groups = parts[0].split(separator: ",", omittingEmptySubsequences: false)
            guard (1...3).contains(groups[0].count), groups.dropFirst().allSatisfy({ $0.count == 3 }) else {
                return .failure(.misplacedSeparator)
            }
            t = Substring(groups.joined() + (parts.count > 1 ? "." + parts[1] : ""))
        }
        return parse((negative ? "-" : "") + t)
    }

    /// `parse(_:)` on UTF-8 bytes, for importers that validate before making strings.
    @inlinable
    public static func parse<Bytes: Collection<UInt8>>(utf8: Bytes) -> Result<Money, MoneyParseError> {
        var bytes = utf8[...]
        if bytes.isEmpty { return .failure(.empty) }
        var negative = false
        if bytes.first == UInt8(ascii: "-") {
            negative = true; bytes = bytes.dropFirst()
        } else if bytes.first == UInt8(ascii: "+") {
            bytes = bytes.dropFirst()
        }
        var units: Int64 = 0, fraction: Int64 = 0, fractionDigits = 0, integerDigits = 0
        var seenDot = false
        for b in bytes {
            switch b {
            case UInt8(ascii: "0")...UInt8(ascii: "9"):
                let d = Int64(b - UInt8(ascii: "0"))
                if seenDot {
                    fractionDigits += 1
                    if fractionDigits > 2 { return .failure(.tooManyDecimals) }
                    fraction = fraction * 10 + d
                } else {
                    integerDigits += 1
                    if integerDigits > 15 { return .failure(.tooLarge) }
                    units = units * 10 + d
                }
            case UInt8(ascii: "."):
                if seenDot { return .failure(.notANumber) }
                seenDot = true
            case UInt8(ascii: ","): return .failure(.thousandsSeparator)
            default: return .failure(.notANumber)
            }
        }
        if integerDigits == 0 && fractionDigits == 0 { return .failure(.notANumber) }
        if fractionDigits == 1 { fraction *= 10 }
        let value = units * 100 + fraction
        return .success(Money(minorUnits: negative ? -value : value))
    }

    /// This amount times `numerator / denominator`, rounded to a minor unit by `mode`.
    public func scaled(by numerator: Int64, over denominator: Int64, rounding mode: RoundingMode) -> Money {
        Money(minorUnits: mode.divide(minorUnits * numerator, by: denominator))
    }
}

extension Money: CustomStringConvertible {}

/// Why a text is not an amount.
public enum MoneyParseError: Error, Sendable, Equatable {
    case empty, notANumber, tooManyDecimals, thousandsSeparator, misplacedSeparator, tooLarge

    public var reason: String {
        switch self {
        case .empty: return "an amount is required"
        case .notANumber: return "not an amount"
        case .tooManyDecimals: return "more than 2 decimal places (amounts are never rounded on import)"
        case .thousandsSeparator: return "thousands separators are not allowed"
        case .misplacedSeparator: return "a thousands separator out of place (write 5,000 or 1,234,567.89)"
        case .tooLarge: return "amount too large"
        }
    }
}

/// How a quotient is rounded to a whole minor unit.
public enum RoundingMode: String, Sendable, CaseIterable, Codable {
    /// Halves away from zero (the usual commercial rule, 四舍五入).
    case halfUp = "half-up"
    /// Halves to the even neighbour (banker's rounding).
    case halfEven = "half-even"
    /// Any remainder rounds away from zero.
    case up

    /// `numerator / denominator` rounded by this mode; `denominator` must be non-zero.
    public func divide(_ numerator: Int64, by denominator: Int64) -> Int64 {
        precondition(denominator != 0, "division by zero")
        let (n, d) =
            denominator < 0 ? (-Int128(numerator), -Int128(denominator)) : (Int128(numerator), Int128(denominator))
        return Int64(divide128(n, by: d))
    }

    /// `numerator / denominator` rounded by this mode, in 128 bits (denominator > 0): products of
    /// amounts and exact rates do not overflow on the way.
    public func divide128(_ numerator: Int128, by denominator: Int128) -> Int128 {
        precondition(denominator > 0, "division by zero")
        let q = numerator / denominator, r = numerator % denominator
        if r == 0 { return q }
        let sign: Int128 = numerator < 0 ? -1 : 1
        let twice = 2 * r.magnitude, d = denominator.magnitude
        switch self {
        case .up: return q + sign
        case .halfUp: return twice >= d ? q + sign : q
        case .halfEven:
            if twice > d { return q + sign }
            if twice < d { return q }
            return q % 2 == 0 ? q : q + sign
        }
    }
}

extension Money {
    private enum CodingKeys: String, CodingKey { case minorUnits }

    /// Encoded as its integer minor units (`125075` for 1,250.75), exactly; values stored before this
    /// wrote `{"minorUnits": N}`, and both are read.
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.singleValueContainer()
        try c.encode(minorUnits)
    }

    public init(from decoder: any Decoder) throws {
        if let c = try? decoder.singleValueContainer(), let units = try? c.decode(Int64.self) {
            self.init(minorUnits: units)
            return
        }
        self.init(minorUnits: try decoder.container(keyedBy: CodingKeys.self).decode(Int64.self, forKey: .minorUnits))
    }
}
